import type { Prisma } from '../generated/prisma/client';

/**
 * How opt-outs of sale/sharing arrived, for the §7102 report: the requester asked on the form (or the
 * API), the browser sent Global Privacy Control with the form, or another Bitstride property reported
 * the signal for a signed-in account (opt_out_signal.source). `inRange` filters privacy_request as `r`.
 */
export type OptOutChannels = { form: number; gpcForm: number; gpcProperty: number };

export async function countOptOutChannels(
  client: { $queryRaw: Prisma.TransactionClient['$queryRaw'] },
  inRange: Prisma.Sql,
): Promise<OptOutChannels> {
  const [row] = await client.$queryRaw<[{ form: number; gpc_form: number; gpc_property: number }]>`
    SELECT count(*) FILTER (WHERE s.source IS NULL)::int AS form,
           count(*) FILTER (WHERE s.source = 'form')::int AS gpc_form,
           count(*) FILTER (WHERE s.source = 'property')::int AS gpc_property
    FROM privacy_request r LEFT JOIN opt_out_signal s ON s.request_id = r.id
    WHERE 'opt_out_sale' = ANY (r.types) AND ${inRange}`;
  return { form: row.form, gpcForm: row.gpc_form, gpcProperty: row.gpc_property };
}
