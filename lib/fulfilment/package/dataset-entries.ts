/**
 * One collected data set as the package's two entries, JSON and CSV, each read from storage when the
 * archive reaches it. With redaction rules each entry runs the rows through its own redactor; the
 * JSON entry's (`counted`) holds the counts the README reports, final once `json` has ended.
 */
import { Readable } from 'node:stream';
import { getObject } from '../../storage/storage';
import { RedactNdjson } from '../redaction/redact-ndjson';
import { compileRedactor, type RedactionRule, type Redactor } from '../redaction/redactor';
import { csvFormat, jsonArrayFormat, ndjsonToCsv, ndjsonToJson } from './dataset-formats';

export function datasetEntries(options: { storageKey: string; rules: RedactionRule[]; requesterEmails: string[] }): {
  json: Readable;
  csv: Readable;
  counted: Redactor | null;
} {
  const { storageKey, rules, requesterEmails } = options;
  if (rules.length === 0)
    return {
      json: Readable.from(ndjsonToJson(getObject(storageKey))),
      csv: Readable.from(ndjsonToCsv(getObject(storageKey))),
      counted: null,
    };
  const counted = compileRedactor(rules, { requesterEmails });
  return {
    json: getObject(storageKey).pipe(new RedactNdjson(counted, jsonArrayFormat())),
    csv: getObject(storageKey).pipe(new RedactNdjson(compileRedactor(rules, { requesterEmails }), csvFormat())),
    counted,
  };
}
