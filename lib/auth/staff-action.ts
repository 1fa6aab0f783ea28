/**
 * The one chain every staff server action goes through: load the session's staff member, check the
 * permission, parse the input with its zod schema, run one domain function, and turn the outcome
 * into something a form can show. Expected errors keep their message; anything else is logged with
 * a reference id, which is all the user sees.
 */
import type { z } from 'zod';
import { publicError } from '../errors';
import { currentStaff } from './current-staff';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import type { Permission } from '../permissions/staff-permissions';

export type ActionResult<R = unknown> =
  | { ok: true; data?: R; message?: string }
  | { ok: false; error: string; fields?: Record<string, string[]>; reference?: string };

export type StaffAction<S extends z.ZodType, R> = ((
  previous: unknown,
  formData: FormData,
) => Promise<ActionResult<R>>) & {
  permission: Permission;
  /** The same chain with a given identity instead of the session's: the authorization matrix test uses it. */
  runAs: (staff: StaffIdentity | null, input: z.input<S>) => Promise<ActionResult<R>>;
};

/** What a form shows of a failed action: `publicError`, as an action result. */
export function toActionError(error: unknown): ActionResult<never> {
  const { message, fields, reference } = publicError(error);
  return { ok: false, error: message, ...(fields ? { fields } : {}), ...(reference ? { reference } : {}) };
}

/** FormData to a plain object: repeated keys become arrays. */
export function formToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = formData.getAll(key).map((v) => (typeof v === 'string' ? v : v.name));
    out[key] = values.length > 1 || key.endsWith('[]') ? values : values[0];
  }
  return out;
}

export function staffAction<S extends z.ZodType, R>(
  permission: Permission,
  schema: S,
  handler: (args: { staff: StaffIdentity; input: z.output<S> }) => Promise<R>,
  success?: (result: R) => string,
): StaffAction<S, R> {
  const runAs = async (staff: StaffIdentity | null, input: unknown): Promise<ActionResult<R>> => {
    try {
      const allowed = authorize(staff, permission);
      const parsed = schema.parse(input);
      const data = await handler({ staff: allowed, input: parsed });
      return { ok: true, data, message: success?.(data) };
    } catch (error) {
      return toActionError(error);
    }
  };
  // A hand-made call may send anything as arguments: treat what is not form data as an empty form.
  const action = async (_previous: unknown, formData: FormData) =>
    runAs(await currentStaff(), formData instanceof FormData ? formToObject(formData) : {});
  return Object.assign(action, { permission, runAs });
}
