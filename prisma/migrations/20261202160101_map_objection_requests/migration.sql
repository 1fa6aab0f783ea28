-- The old `objection` type ("Stop communications / object to processing") split into one type per right
-- (docs/decisions/008-one-request-type-per-right.md, docs/rights-law.md "One request type per right").
-- Its own migration: PostgreSQL refuses enum values added in the same transaction (20261202160100).
--
-- An old objection promised both halves of its label, so it keeps both, each under the type of its
-- right where the request's regime is:
--   US-*            -> unsubscribe + opt_out_sale  (in California it had the §7026 clock and was
--                                                   reported under §7102 as an opt-out of sale/sharing)
--   everywhere else -> unsubscribe + objection     (GDPR/UK GDPR Art. 21, LGPD Art. 18 §2; policy)
-- in the place the old type had among the request's types. Tasks already created stay as they are
-- (the old type's work was `suppress`, which unsubscribing keeps). The rollup trigger follows the
-- change to `types` in this same transaction.
UPDATE "privacy_request" r
SET "types" = ARRAY(
  SELECT m.t
  FROM unnest(r."types") WITH ORDINALITY AS u(t, i)
  CROSS JOIN LATERAL unnest(
    CASE
      WHEN u.t <> 'objection' THEN ARRAY[u.t]
      WHEN r."jurisdiction" LIKE 'US-%' THEN ARRAY['unsubscribe', 'opt_out_sale']::"RequestType"[]
      ELSE ARRAY['unsubscribe', 'objection']::"RequestType"[]
    END
  ) WITH ORDINALITY AS m(t, j)
  ORDER BY u.i, m.j
)
WHERE 'objection' = ANY(r."types");

-- A system that acted on the old type (its work was `suppress`) takes part in its successors too, so
-- nothing asked of it before stops being asked: an objection (stop_processing) and an opt-out of
-- sale/sharing (stop_sale). Admins narrow this in the inventory. `limit_use` is a new right: admins add
-- it to the systems holding sensitive personal information.
UPDATE "data_system"
SET "task_types" = "task_types"
  || CASE WHEN 'stop_processing' = ANY("task_types") THEN ARRAY[]::"TaskType"[] ELSE ARRAY['stop_processing']::"TaskType"[] END
  || CASE WHEN 'stop_sale' = ANY("task_types") THEN ARRAY[]::"TaskType"[] ELSE ARRAY['stop_sale']::"TaskType"[] END
WHERE 'suppress' = ANY("task_types");
