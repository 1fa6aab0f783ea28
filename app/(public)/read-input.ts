/** A query-string value as one string (`?token=a&token=b` keeps the first). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
