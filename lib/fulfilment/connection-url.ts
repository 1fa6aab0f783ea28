/**
 * A PostgreSQL connector's database URL (`data_system.connection_url`), sealed under the storage key
 * as a webhook connector's secret is (connector-secret.ts): it carries the database's user and
 * password, and the portal connects with the URL itself, so it is kept sealed, never hashed. Its own
 * purpose, so a connector's sealed secret cannot be passed off as its URL or the other way round.
 *
 * Plain or sealed: rows written before sealing keep the URL in plain text, and it keeps working until
 * the re-key job seals it (lib/keys/rekey-steps.ts). A URL begins `postgres` (lib/fulfilment/schemas.ts),
 * so it never has the sealed form (`v2.<16 hex>.<base64url>`): the two cannot be mistaken.
 */
import { sealedColumn } from '../security/sealed-text';

const column = sealedColumn('fulfilment-connection-url');

export const sealConnectionUrl = column.seal;

/** The URL to connect with: opened when sealed, as it is when a plain legacy value. */
export const openConnectionUrl = column.open;

/**
 * What the re-key job stores: the URL sealed under the current storage key, or null when it is
 * sealed under it already. A plain URL is sealed; a sealed one is opened with the key its id names.
 */
export const resealConnectionUrl = column.reseal;
