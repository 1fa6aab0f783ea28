import type { ReactNode } from 'react';

export default function SignInLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="admin-main admin-main--narrow" tabIndex={-1}>
      {children}
    </main>
  );
}
