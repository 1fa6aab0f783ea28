import { NextResponse } from 'next/server';
import { z } from 'zod';
import { currentStaff } from '@/lib/auth/current-staff';
import { jsonRoute } from '@/lib/http/json-route';
import { ccpaReportCsv, getCcpaReport } from '@/lib/metrics/ccpa-report';

const querySchema = z.object({
  year: z.coerce.number().int('Give the year as YYYY').min(2000).max(2100),
  format: z.enum(['csv', 'json']).default('csv'),
});

/** GET /api/admin/ccpa-report?year=YYYY&format=csv|json: the CCPA §7102 report (admins, reviewers). */
export async function GET(request: Request) {
  return jsonRoute(async () => {
    const staff = await currentStaff();
    const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const report = await getCcpaReport({ staff, year: query.year });
    const name = `ccpa-7102-report-${report.year}`;
    if (query.format === 'json') {
      return NextResponse.json(report, {
        headers: { 'Content-Disposition': `attachment; filename="${name}.json"`, 'Cache-Control': 'no-store' },
      });
    }
    return new NextResponse(ccpaReportCsv(report), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}
