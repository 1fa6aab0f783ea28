'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The workspace's sections; the current one is marked for screen readers as well as visually. */
export function WorkspaceNav({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const current = (href: string) =>
    href === '/admin' ? pathname === '/admin' || pathname.startsWith('/admin/requests') : pathname.startsWith(href);
  return (
    <nav aria-label="Workspace" className="admin-nav">
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={current(link.href) ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
