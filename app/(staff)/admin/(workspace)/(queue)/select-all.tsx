'use client';

import type { ChangeEvent } from 'react';

/** Ticks or clears every row's box in the same form (a convenience: each row's box works alone). */
export function SelectAll() {
  const toggle = (event: ChangeEvent<HTMLInputElement>) => {
    const boxes = event.currentTarget.form?.querySelectorAll<HTMLInputElement>('input[name="requestIds"]') ?? [];
    for (const box of boxes) box.checked = event.currentTarget.checked;
  };
  return <input type="checkbox" id="select-all" aria-label="Select all requests on this page" onChange={toggle} />;
}
