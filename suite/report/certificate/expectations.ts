// Expectations files (`sps-conformance observe`): per inferred requirement, the answer one real target
// gave. With SPS_EXPECTATIONS those answers replace the suite's inferred expectations exactly, so a run
// becomes a regression gate between appliance builds (or certifies an emulator against a recording).
// YAML so a change shows line by line in a pull request.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import type { Requirement } from '../../../contract/catalog.ts';

export const EXPECTATIONS_FORMAT = 'sps-conformance-expectations/1';

/** An error answer (status, error.type, top-level keys) or, for checks of another kind, whether it held. */
export type Answer = { status: number; type: string | null; keys: string[] } | { holds: boolean };

export interface RecordedAnswer {
  where: string;
  answer: Answer;
}

export interface ExpectationsFile {
  format: typeof EXPECTATIONS_FORMAT;
  recorded_at: string;
  target: { url: string; firmware_version: string | null };
  profile: string;
  /** Requirement id → the answers recorded for it, by where in the suite. */
  expectations: Record<string, RecordedAnswer[]>;
}

export class ExpectationsError extends Error {}

export interface LoadedExpectations {
  file: string;
  sha256: string;
  data: ExpectationsFile;
}

/** Reads and checks a file: only inferred requirements may have recorded answers. */
export function loadExpectations(file: string, catalog: readonly Requirement[]): LoadedExpectations {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ExpectationsError(`SPS_EXPECTATIONS: cannot read ${file}: ${(error as Error).message}`);
  }
  const data = parse(text) as Partial<ExpectationsFile> | null;
  if (
    !data ||
    data.format !== EXPECTATIONS_FORMAT ||
    typeof data.expectations !== 'object' ||
    data.expectations === null
  ) {
    throw new ExpectationsError(
      `SPS_EXPECTATIONS: ${file} is not an expectations file (format ${EXPECTATIONS_FORMAT}; write one with sps-conformance observe)`,
    );
  }
  const byId = new Map(catalog.map((r) => [r.id, r]));
  for (const [id, answers] of Object.entries(data.expectations)) {
    const requirement = byId.get(id);
    if (!requirement)
      throw new ExpectationsError(`SPS_EXPECTATIONS: ${file} records ${id}, which is not in the requirement catalog`);
    if (requirement.basis !== 'inferred') {
      throw new ExpectationsError(
        `SPS_EXPECTATIONS: ${file} records an answer for ${id}, a ${requirement.basis} requirement; a recorded answer may only replace an inferred expectation, never contradict the evidence (${requirement.source})`,
      );
    }
    if (!Array.isArray(answers))
      throw new ExpectationsError(`SPS_EXPECTATIONS: ${file}: ${id} must be a list of { where, answer }`);
  }
  return { file, sha256: createHash('sha256').update(text).digest('hex'), data: data as ExpectationsFile };
}

export function recordedAnswer(loaded: LoadedExpectations | undefined, id: string, where: string): Answer | undefined {
  return loaded?.data.expectations[id]?.find((a) => a.where === where)?.answer;
}

export function sameAnswer(a: Answer, b: Answer): boolean {
  if ('holds' in a || 'holds' in b) return 'holds' in a && 'holds' in b && a.holds === b.holds;
  return a.status === b.status && a.type === b.type && [...a.keys].sort().join() === [...b.keys].sort().join();
}

export function describeAnswer(a: Answer): string {
  if ('holds' in a) return a.holds ? 'the check held' : 'the check did not hold';
  return `HTTP ${a.status}${a.type ? ` ${a.type}` : ''} {${a.keys.join(', ')}}`;
}

export function expectationsYaml(data: ExpectationsFile): string {
  const head = [
    '# Recorded by `sps-conformance observe`: the answers one target gave to the checks of inferred',
    '# requirements. Review it like code; run with SPS_EXPECTATIONS=<this file> to make them exact.',
    '',
  ].join('\n');
  return head + stringify(data, { lineWidth: 0 });
}
