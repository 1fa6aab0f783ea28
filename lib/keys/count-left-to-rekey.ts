import { db } from '../db';
import { env } from '../env';
import { SEALED_TEXT_FORM } from '../security/sealed-text';

/**
 * What is still under an older key (or, for connector secrets and database URLs, not sealed at all): what
 * `npm run keys:rekey -- --status` shows, and what must reach zero before the previous keys go.
 */
export async function countLeftToRekey() {
  const hashKey = env().appSecrets[0].id;
  const sealedNow = `v2.${env().storageKeys[0].id}.%`;
  const [left] = await db().$queryRaw<
    {
      requests: number;
      signals: number;
      webhooks: number;
      connectors: number;
      plainConnectors: number;
      connectionUrls: number;
      plainConnectionUrls: number;
    }[]
  >`
    SELECT (SELECT count(*) FROM privacy_request WHERE email <> '' AND email_hash_key IS DISTINCT FROM ${hashKey})::int AS requests,
           (SELECT count(*) FROM opt_out_signal WHERE email_hash_key IS DISTINCT FROM ${hashKey})::int AS signals,
           (SELECT count(*) FROM webhook_endpoint WHERE secret_sealed NOT LIKE ${sealedNow})::int AS webhooks,
           (SELECT count(*) FROM data_system WHERE webhook_secret NOT LIKE ${sealedNow})::int AS connectors,
           (SELECT count(*) FROM data_system WHERE webhook_secret !~ ${SEALED_TEXT_FORM.source})::int AS "plainConnectors",
           (SELECT count(*) FROM data_system WHERE connection_url NOT LIKE ${sealedNow})::int AS "connectionUrls",
           (SELECT count(*) FROM data_system WHERE connection_url !~ ${SEALED_TEXT_FORM.source})::int AS "plainConnectionUrls"`;
  return left;
}
