import type { ConsoleGrid } from '@vigia/contracts';

/** What the console windows of one browser share (multi-monitor): the layout on screen and the tour. */
export interface ConsoleState {
  grid: ConsoleGrid;
  cameras: Array<string | null>;
  tourSeconds: number | null;
  touring: boolean;
  layoutId: string | null;
}

const CHANNEL = 'vigia-console';

/**
 * Keeps console windows in sync over a BroadcastChannel (same origin, same browser): a window
 * opened with "Nova janela" mirrors the layout of the one that opened it and both follow each
 * other's changes. Each message carries the sender's id so a window ignores its own echo.
 */
export class ConsoleSync {
  private readonly channel: BroadcastChannel | undefined;
  private readonly id = Math.random().toString(36).slice(2);

  constructor(onState: (s: ConsoleState) => void, onHello: () => void) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(CHANNEL);
    this.channel.onmessage = (ev: MessageEvent<{ from: string; type: 'state' | 'hello'; state?: ConsoleState }>) => {
      if (ev.data.from === this.id) return;
      if (ev.data.type === 'hello') onHello();
      else if (ev.data.state) onState(ev.data.state);
    };
  }

  /** A new window asks the others for the current state. */
  hello(): void {
    this.channel?.postMessage({ from: this.id, type: 'hello' });
  }

  publish(state: ConsoleState): void {
    this.channel?.postMessage({ from: this.id, type: 'state', state });
  }

  close(): void {
    this.channel?.close();
  }
}
