import { exportAuditLog } from '@/lib/audit/export-audit-log';
import { csvRangeRoute } from '@/lib/http/csv-range-route';

/** GET /api/admin/audit-log?from=YYYY-MM-DD&to=YYYY-MM-DD: the audit log as CSV (admins; `to` inclusive). */
export const GET = csvRangeRoute('audit-log', exportAuditLog);
