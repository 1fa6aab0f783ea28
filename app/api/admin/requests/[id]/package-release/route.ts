import { currentStaff } from '@/lib/auth/current-staff';
import { releasePackage } from '@/lib/fulfilment/redaction/release-package';
import { staffFormRoute } from '@/lib/http/staff-form-route';
import { isUuid } from '@/lib/uuid';

/** POST /api/admin/requests/{id}/package-release: a reviewer releases a package waiting for review (packages.review). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return staffFormRoute({
    request,
    staff: currentStaff,
    permission: 'packages.review',
    back: () => `/admin/requests/${isUuid(id) ? id : ''}/datasets`,
    run: async (staff) => {
      await releasePackage({ staff, requestId: id });
      return 'package-released';
    },
  });
}
