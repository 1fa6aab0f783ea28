import type { ReactNode } from 'react';

export default function DevLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="page page--wide" tabIndex={-1}>
      {children}
    </main>
  );
}
