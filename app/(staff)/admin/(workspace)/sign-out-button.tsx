'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

export function SignOutButton() {
  const [leaving, setLeaving] = useState(false);
  return (
    <button
      type="button"
      className="admin-button admin-button--quiet"
      disabled={leaving}
      onClick={() => {
        setLeaving(true);
        void signOut({ callbackUrl: '/admin/sign-in' });
      }}
    >
      {leaving ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
