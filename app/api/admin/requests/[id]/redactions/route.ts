import { currentStaff } from '@/lib/auth/current-staff';
import { addRedaction } from '@/lib/fulfilment/redaction/add-redaction';
import { staffFormRoute } from '@/lib/http/staff-form-route';
import { isUuid } from '@/lib/uuid';

/**
 * POST /api/admin/requests/{id}/redactions: a reviewer withholds a field or rows of one of the
 * request's data sets (packages.review). Works without JavaScript: 303 back to the preview.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return staffFormRoute({
    request,
    staff: currentStaff,
    permission: 'packages.review',
    back: (form) => {
      const set = String(form.get('dataset') ?? '');
      const page = Number(form.get('page')) || 1;
      return `/admin/requests/${isUuid(id) ? id : ''}/datasets?set=${encodeURIComponent(set)}&page=${page}`;
    },
    run: async (staff, form) => {
      await addRedaction({
        staff,
        requestId: id,
        input: { dataset: form.dataset, kind: form.kind as 'field', target: form.target, reason: form.reason as never },
      });
      return 'redaction-added';
    },
  });
}
