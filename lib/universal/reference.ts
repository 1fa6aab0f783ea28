/** Human reference of a request: BR-<year of receipt>-<6-digit number>, e.g. BR-2026-000123. */
export function formatReference(number: number, receivedAt: Date): string {
  return `BR-${receivedAt.getUTCFullYear()}-${String(number).padStart(6, '0')}`;
}

export function parseReference(reference: string): { year: number; number: number } | null {
  const match = /^BR-(\d{4})-(\d{6,})$/i.exec(reference.trim());
  return match ? { year: Number(match[1]), number: Number(match[2]) } : null;
}
