import { csvRangeRoute } from '@/lib/http/csv-range-route';
import { exportRecords } from '@/lib/records/export-records';

/** GET /api/admin/records?from=YYYY-MM-DD&to=YYYY-MM-DD: the §7101 records of requests received in the range (admins; `to` inclusive). */
export const GET = csvRangeRoute('request-records', exportRecords);
