import type { CSSProperties, ReactNode } from 'react';

/** A wide table scrolls inside this box, never the page; keyboard users can scroll it too. */
export function ScrollBox({
  label,
  children,
  style,
}: {
  label: string;
  children: ReactNode;
  style?: CSSProperties;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0} style={style}>
      {children}
    </div>
  );
}
