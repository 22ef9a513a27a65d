import { type ReactNode, useEffect, useRef } from 'react';

/** The heading of a login step; takes the focus when the step appears so screen readers follow. */
export function StepHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="h3">
      {children}
    </h1>
  );
}
