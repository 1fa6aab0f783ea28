import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Privacy requests', template: '%s · Privacy requests' },
  description: 'Ask for a copy of your data, correct it, delete it, export it, restrict it, or stop communications.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
