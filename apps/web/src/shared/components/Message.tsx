import type { ReactNode } from 'react';

export type MessageKind = 'danger' | 'success' | 'info' | 'warning';

const icons: Record<MessageKind, string> = {
  danger: 'fa-times-circle',
  success: 'fa-check-circle',
  info: 'fa-info-circle',
  warning: 'fa-exclamation-triangle',
};

interface MessageProps {
  kind: MessageKind;
  title?: string;
  children?: ReactNode;
}

/** gov.br DS `br-message`. Danger and warning messages are announced at once (role="alert"). */
export function Message({ kind, title, children }: MessageProps) {
  const urgent = kind === 'danger' || kind === 'warning';
  return (
    <div className={`br-message ${kind}`}>
      <div className="icon">
        <i className={`fas ${icons[kind]} fa-lg`} aria-hidden="true" />
      </div>
      <div className="content" role={urgent ? 'alert' : 'status'}>
        {title && <span className="message-title">{title} </span>}
        {children && <span className="message-body">{children}</span>}
      </div>
    </div>
  );
}
