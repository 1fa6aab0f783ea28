import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './admin.css';

export const metadata: Metadata = {
  title: { default: 'Privacy workspace', template: '%s · Privacy workspace' },
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

/** Every staff page, signed in or not: the workspace's denser styles. The signed-in chrome is in (workspace). */
export default function StaffLayout({ children }: { children: ReactNode }) {
  return <div className="admin">{children}</div>;
}
