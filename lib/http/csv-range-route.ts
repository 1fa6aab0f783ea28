import { NextResponse } from 'next/server';
import { z } from 'zod';
import { currentStaff } from '../auth/current-staff';
import type { StaffIdentity } from '../permissions/authorize';
import { jsonRoute } from './json-route';

const rangeSchema = z.object({
  from: z.iso.date('Give the start as YYYY-MM-DD'),
  to: z.iso.date('Give the end as YYYY-MM-DD'),
});

/**
 * A staff CSV export over `?from=YYYY-MM-DD&to=YYYY-MM-DD` (`to` inclusive), streamed. The export
 * function checks the permission itself; its first chunk is awaited before answering, so a refusal
 * or a bad range is a clean 4xx rather than a broken download.
 */
export function csvRangeRoute(
  name: string,
  exportRows: (options: { staff: StaffIdentity | null; from: Date; to: Date }) => AsyncGenerator<string>,
) {
  return async function GET(request: Request) {
    return jsonRoute(async () => {
      const staff = await currentStaff();
      const range = rangeSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
      const from = new Date(`${range.from}T00:00:00Z`);
      const to = new Date(new Date(`${range.to}T00:00:00Z`).getTime() + 86_400_000);
      const chunks = exportRows({ staff, from, to });
      const first = await chunks.next();
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          if (!first.done) controller.enqueue(encoder.encode(first.value));
        },
        async pull(controller) {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
      });
      return new NextResponse(stream, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${name}-${range.from}-to-${range.to}.csv"`,
          'Cache-Control': 'no-store',
        },
      });
    });
  };
}
