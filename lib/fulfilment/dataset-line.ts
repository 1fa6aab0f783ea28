/**
 * Reading one stored data set line (NDJSON). `JSON.parse` quotes part of a bad line in its message,
 * and a data set's lines are personal data: the error a failed build stores, logs and shows staff
 * names the data set and the line, never the content.
 */
export class DatasetLineError extends Error {
  constructor(
    readonly dataset: string,
    readonly line: number,
  ) {
    super(`Data set ${dataset}: line ${line} is not valid JSON`);
    this.name = 'DatasetLineError';
  }
}

/** One row of a data set; `line` counts every line of the stored file, blank ones too, from 1. */
export function parseDatasetLine(text: string, at: { dataset: string; line: number }): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new DatasetLineError(at.dataset, at.line);
  }
}
