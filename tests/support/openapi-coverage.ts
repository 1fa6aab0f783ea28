/**
 * At the end of an integration run: which documented answers of the OpenAPI document no test got.
 * After a run of every integration file, any such answer (beyond UNEXERCISED_ON_PURPOSE) fails the
 * run: a documented status nobody provokes is a claim nobody checks. After a partial run, it is listed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { documentedAnswers, UNEXERCISED_ON_PURPOSE } from './openapi-contract';

export function unexercisedAnswers(logLines: string[], documented: string[] = documentedAnswers()): string[] {
  const seen = new Set(
    logLines.filter(Boolean).map((line) => {
      const { operation, status } = JSON.parse(line) as { operation: string; status: string };
      return `${operation} ${status}`;
    }),
  );
  return documented.filter((answer) => !seen.has(answer) && !(answer in UNEXERCISED_ON_PURPOSE));
}

export async function reportOpenApiCoverage(project: TestProject, log: string) {
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
  const missing = unexercisedAnswers(lines);
  if (missing.length === 0) return;
  const { testFiles } = await project.globTestFiles();
  const ran = new Set(
    project.vitest.state
      .getFiles()
      .filter((file) => file.projectName === project.name)
      .map((file) => path.resolve(file.filepath)),
  );
  // Complete: every file ran, with no test-name filter (`-t`) leaving tests out.
  const complete = !project.vitest.config.testNamePattern && testFiles.every((file) => ran.has(path.resolve(file)));
  const message = `OpenAPI answers no integration test exercised (tests/support/openapi-contract.ts):\n  ${missing.join('\n  ')}`;
  if (!complete) {
    console.log(`[openapi] ${message}`);
    return;
  }
  // A global teardown's error is only printed: the run must fail by its exit code.
  console.error(`[openapi] FAIL ${message}`);
  process.exitCode = 1;
}
