// The reporter's side of `sps-conformance observe` and of expectations files: it collects the answers
// the specs annotated (specs/evidence.ts) into the expectations YAML, and names the file a run was
// held to (with its hash) in the certificate.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestResult } from '@playwright/test/reporter';
import type { Certificate } from '../certificate/certificate.ts';
import { observationsOf } from './evidence-marks.ts';
import {
  EXPECTATIONS_FORMAT,
  expectationsYaml,
  type ExpectationsFile,
  type RecordedAnswer,
} from '../certificate/expectations.ts';

/** Writes the observe run's expectations file: per inferred requirement, each answer by where it was made. */
export function writeObservations(file: string, results: readonly (TestResult | undefined)[], c: Certificate): void {
  const byId: Record<string, RecordedAnswer[]> = {};
  for (const result of results) {
    for (const o of observationsOf(result?.annotations ?? [])) {
      const list = byId[o.id] ?? [];
      byId[o.id] = list;
      if (!list.some((a) => a.where === o.where)) list.push({ where: o.where, answer: o.answer });
    }
  }
  const sorted = Object.fromEntries(
    Object.keys(byId)
      .sort()
      .map((id) => [id, byId[id]!.sort((a, b) => a.where.localeCompare(b.where))]),
  );
  const data: ExpectationsFile = {
    format: EXPECTATIONS_FORMAT,
    recorded_at: c.generatedAt,
    target: { url: c.target.url, firmware_version: c.target.version },
    profile: c.profile,
    expectations: sorted,
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, expectationsYaml(data));
  process.stdout.write(`\nObserved ${Object.keys(sorted).length} inferred requirements: ${file}\n`);
}
