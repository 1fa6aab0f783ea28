'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1. With `focusOnMount`, it takes focus when it appears in place of other content
 * (an action's result), so screen readers announce the new page.
 */
export function PageHeading({ children, focusOnMount = false }: { children: ReactNode; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
