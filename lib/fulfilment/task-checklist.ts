import { z } from 'zod';

const checklistSchema = z.array(z.object({ label: z.string(), done: z.boolean() }));

export type ChecklistItem = z.infer<typeof checklistSchema>[number];

export function readChecklist(value: unknown): ChecklistItem[] {
  const parsed = checklistSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}
