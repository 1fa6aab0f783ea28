import { currentStaff } from '@/lib/auth/current-staff';
import { deleteRedactionPattern } from '@/lib/fulfilment/redaction/delete-redaction-pattern';
import { saveRedactionPattern } from '@/lib/fulfilment/redaction/save-redaction-pattern';
import { staffFormRoute } from '@/lib/http/staff-form-route';

/** POST /api/admin/redaction-patterns: admins add a pattern, or remove one (`remove` = its id). */
export async function POST(request: Request) {
  return staffFormRoute({
    request,
    staff: currentStaff,
    permission: 'redaction.patterns',
    back: () => '/admin/redaction-patterns',
    run: async (staff, form) => {
      if (form.remove) {
        await deleteRedactionPattern({ staff, patternId: form.remove });
        return 'pattern-removed';
      }
      await saveRedactionPattern({
        staff,
        input: {
          dataset: form.dataset,
          pattern: form.pattern as 'email',
          regex: form.regex,
          reason: form.reason as never,
        },
      });
      return 'pattern-added';
    },
  });
}
