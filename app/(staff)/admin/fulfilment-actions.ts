'use server';

/**
 * Server actions of fulfilment: the data inventory and the per-system tasks of a request. Each is a
 * `staffAction`; the domain functions check the permission again themselves.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { staffAction } from '@/lib/auth/staff-action';
import { deleteCategory, saveCategory, saveSystem } from '@/lib/fulfilment/manage-inventory';
import { categorySchema, systemSchema } from '@/lib/fulfilment/schemas';

export const saveSystemAction = staffAction('inventory.manage', systemSchema, async ({ staff, input }) => {
  const system = await saveSystem({ staff, input });
  revalidatePath('/admin/inventory');
  return { id: system.id };
}, () => 'System saved.');

export const saveCategoryAction = staffAction('inventory.manage', categorySchema, async ({ staff, input }) => {
  await saveCategory({ staff, input });
  revalidatePath('/admin/inventory');
}, () => 'Category saved.');

export const deleteCategoryAction = staffAction('inventory.manage', z.object({ categoryId: z.uuid() }), async ({ staff, input }) => {
  await deleteCategory({ staff, categoryId: input.categoryId });
  revalidatePath('/admin/inventory');
}, () => 'Category removed.');
