import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'No access' };

/** A signed-in staff member whose role does not allow this page (forbidden() from requireStaffPage). */
export default function Forbidden() {
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>You do not have access to this page</h1>
      <p>Your role does not include this part of the privacy workspace. If you need it, ask an admin.</p>
      <p>
        <Link href="/admin">Back to the request queue</Link>
      </p>
    </main>
  );
}
