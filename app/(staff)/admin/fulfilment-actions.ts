'use server';

/**
 * Server actions of fulfilment: the data inventory and the per-system tasks of a request. Each is a
 * `staffAction`; the domain functions check the permission again themselves.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { currentStaff } from '@/lib/auth/current-staff';
import { staffAction } from '@/lib/auth/staff-action';
import { addTaskAttachment } from '@/lib/fulfilment/add-task-attachment';
import { assignTask } from '@/lib/fulfilment/assign-task';
import { closeOpenTasks } from '@/lib/fulfilment/close-open-tasks';
import { closeNotifyTask } from '@/lib/fulfilment/close-notify-task';
import { closeTask } from '@/lib/fulfilment/close-task';
import { confirmCategoryRetention } from '@/lib/fulfilment/confirm-category-retention';
import { deleteCategory } from '@/lib/fulfilment/delete-category';
import { retryTask } from '@/lib/fulfilment/retry-task';
import { saveCategory } from '@/lib/fulfilment/save-category';
import { saveRecipientTransfer } from '@/lib/fulfilment/save-recipient-transfer';
import { saveSystem } from '@/lib/fulfilment/save-system';
import { NOT_TOLD_REASONS } from '@/lib/fulfilment/recipient-rules';
import { categorySchema, recipientTransferSchema, systemSchema } from '@/lib/fulfilment/schemas';
import { updateManualTask } from '@/lib/fulfilment/update-manual-task';

export const saveSystemAction = staffAction(
  'inventory.manage',
  systemSchema,
  async ({ staff, input }) => {
    const system = await saveSystem({ staff, input });
    revalidatePath('/admin/inventory');
    return { id: system.id };
  },
  () => 'System saved.',
);

export const saveCategoryAction = staffAction(
  'inventory.manage',
  categorySchema,
  async ({ staff, input }) => {
    await saveCategory({ staff, input });
    revalidatePath('/admin/inventory');
  },
  () => 'Category saved.',
);

export const saveRecipientTransferAction = staffAction(
  'inventory.manage',
  recipientTransferSchema,
  async ({ staff, input }) => {
    await saveRecipientTransfer({ staff, input });
    revalidatePath('/admin/inventory');
  },
  () => 'Transfer saved.',
);

export const deleteCategoryAction = staffAction(
  'inventory.manage',
  z.object({ categoryId: z.uuid() }),
  async ({ staff, input }) => {
    await deleteCategory({ staff, categoryId: input.categoryId });
    revalidatePath('/admin/inventory');
  },
  () => 'Category removed.',
);

export const confirmRetentionAction = staffAction(
  'inventory.manage',
  z.object({ categoryId: z.uuid() }),
  async ({ staff, input }) => {
    await confirmCategoryRetention({ staff, categoryId: input.categoryId });
    revalidatePath('/admin/inventory');
  },
  () => 'Retention period confirmed: data packages now give it.',
);

const taskId = z.uuid('Unknown task');
const optionalId = z.preprocess((v) => (v === '' || v === 'none' ? null : v), z.string().min(1).nullable());

function refreshRequest(requestId: string) {
  revalidatePath(`/admin/requests/${requestId}`);
}

export const assignTaskAction = staffAction(
  'requests.work',
  z.object({ taskId, requestId: z.uuid(), assigneeId: optionalId }),
  async ({ staff, input }) => {
    await assignTask({ staff, taskId: input.taskId, assigneeId: input.assigneeId });
    refreshRequest(input.requestId);
  },
  () => 'Task assigned.',
);

export const updateTaskAction = staffAction(
  'requests.work',
  z.object({
    taskId,
    requestId: z.uuid(),
    done: z.preprocess(
      (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]),
      z.array(z.coerce.number().int().min(0)),
    ),
    result: z.string().max(10_000).optional(),
    finish: z.preprocess((v) => v === 'true' || v === true, z.boolean()),
  }),
  async ({ staff, input }) => {
    await updateManualTask({
      staff,
      taskId: input.taskId,
      done: input.done,
      result: input.result ?? null,
      finish: input.finish,
    });
    refreshRequest(input.requestId);
    return input.finish;
  },
  (finished) => (finished ? 'Task marked done.' : 'Task saved.'),
);

export const retryTaskAction = staffAction(
  'requests.work',
  z.object({ taskId, requestId: z.uuid() }),
  async ({ staff, input }) => {
    await retryTask({ staff, taskId: input.taskId });
    refreshRequest(input.requestId);
  },
  () => 'The connector will run again shortly.',
);

export const closeTaskAction = staffAction(
  'requests.admin',
  z.object({ taskId, requestId: z.uuid(), reason: z.string().max(2000) }),
  async ({ staff, input }) => {
    await closeTask({ staff, taskId: input.taskId, reason: input.reason });
    refreshRequest(input.requestId);
  },
  () => 'Task closed.',
);

export const closeOpenTasksAction = staffAction(
  'requests.admin',
  z.object({ requestId: z.uuid(), reason: z.string().max(2000) }),
  async ({ staff, input }) => {
    const count = await closeOpenTasks({ staff, requestId: input.requestId, reason: input.reason });
    refreshRequest(input.requestId);
    return count;
  },
  (n) => `${n} task${n === 1 ? '' : 's'} closed.`,
);

const attachChain = staffAction(
  'requests.work',
  z.object({ taskId, requestId: z.uuid(), file: z.instanceof(File, { message: 'Choose a file to attach' }) }),
  async ({ staff, input }) => {
    await addTaskAttachment({ staff, taskId: input.taskId, file: input.file });
    refreshRequest(input.requestId);
  },
  () => 'File attached.',
);

/** The staffAction chain with the file kept as a File (the shared form reader keeps only text). */
export const attachFileAction = Object.assign(
  async (_previous: unknown, formData: FormData) =>
    attachChain.runAs(
      await currentStaff(),
      formData instanceof FormData
        ? ({
            taskId: formData.get('taskId'),
            requestId: formData.get('requestId'),
            file: formData.get('file'),
          } as never)
        : ({} as never),
    ),
  { permission: attachChain.permission, runAs: attachChain.runAs },
);

export const closeNotifyTaskAction = staffAction(
  'requests.work',
  z.object({
    taskId,
    requestId: z.uuid(),
    ground: z.enum(NOT_TOLD_REASONS, 'Choose why the recipient is not told'),
    reason: z.string().max(2000),
  }),
  async ({ staff, input }) => {
    await closeNotifyTask({ staff, taskId: input.taskId, ground: input.ground, reason: input.reason });
    refreshRequest(input.requestId);
  },
  () => 'Recorded: the recipient is not told, and why.',
);
