/**
 * One collected data set as the package's two entries, JSON and CSV, each read from storage when the
 * archive reaches it. With redaction rules each entry runs the rows through its own redactor; the
 * JSON entry's (`counted`) holds the counts the README reports, final once `json` has ended, and
 * notes which rows no pattern touched, so that the CSV entry's skips their patterns.
 */
import { pipeline, Readable, type Transform } from 'node:stream';
import { getObject } from '../../storage/storage';
import { RedactNdjson } from '../redaction/redact-ndjson';
import { compileRedactor, PatternMemo, type RedactionRule, type Redactor } from '../redaction/redactor';
import { csvFormat, jsonArrayFormat, ndjsonToCsv, ndjsonToJson } from './dataset-formats';

/**
 * `source` read through `transform`, with a failure of either on the transform, which the archive
 * listens to (`pipe` would leave the source's errors, and the transform's before the archive
 * reaches it, unheard: an uncaught 'error').
 */
function through<T extends Transform>(source: Readable, transform: T): T {
  pipeline(source, transform, () => {});
  return transform;
}

/** `dataset` (system/name) names the data set in the error a bad line raises. */
export function datasetEntries(options: {
  storageKey: string;
  dataset: string;
  rules: RedactionRule[];
  requesterEmails: string[];
}): {
  json: Readable;
  csv: Readable;
  counted: Redactor | null;
} {
  const { storageKey, dataset, rules, requesterEmails } = options;
  if (rules.length === 0)
    return {
      json: Readable.from(ndjsonToJson(getObject(storageKey))),
      csv: Readable.from(ndjsonToCsv(getObject(storageKey), { dataset })),
      counted: null,
    };
  // The archive reads the JSON entry first: the CSV entry skips the patterns of rows it found clean.
  const memo = new PatternMemo();
  const counted = compileRedactor(rules, { requesterEmails, memo: { memo, role: 'record' } });
  return {
    json: through(getObject(storageKey), new RedactNdjson(counted, jsonArrayFormat(), { dataset })),
    csv: through(
      getObject(storageKey),
      new RedactNdjson(compileRedactor(rules, { requesterEmails, memo: { memo, role: 'reuse' } }), csvFormat(), {
        dataset,
      }),
    ),
    counted,
  };
}
