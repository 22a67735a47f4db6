// The annotations a spec's evidence checks leave on a test, and how the reporter reads them back:
// which requirement a failure violated, which inferred requirement only WARNs, what answer a target
// gave (for `sps-conformance observe`), and which checks could not be made (NOT-TESTED).
import type { Answer } from '../certificate/expectations.ts';

export const MARK = {
  violated: 'violated',
  warn: 'warn',
  observed: 'observed',
  notTested: 'not-tested',
} as const;

/** An inferred requirement a target did not meet, in default mode: never a PASS, never a FAIL. */
export interface Warning {
  id: string;
  /** Where in the test: a stable label (no run ids), also the key of recorded answers. */
  where: string;
  expected: string;
  actual: string;
}

/** What a target answered for an inferred check: an error answer, or whether a check held. */
export interface Observation {
  id: string;
  where: string;
  answer: Answer;
}

export interface NotTested {
  ids: string[];
  reason: string;
}

interface AnnotationLike {
  type: string;
  description?: string;
}

function parsed<T>(annotations: readonly AnnotationLike[], type: string): T[] {
  const out: T[] = [];
  for (const a of annotations) {
    if (a.type !== type || !a.description) continue;
    try {
      out.push(JSON.parse(a.description) as T);
    } catch {
      // A hand-written annotation of that type: not ours, ignored.
    }
  }
  return out;
}

export function violatedIds(annotations: readonly AnnotationLike[]): string[] {
  return [...new Set(annotations.filter((a) => a.type === MARK.violated && a.description).map((a) => a.description!))];
}

export const warningsOf = (annotations: readonly AnnotationLike[]) => parsed<Warning>(annotations, MARK.warn);
export const observationsOf = (annotations: readonly AnnotationLike[]) =>
  parsed<Observation>(annotations, MARK.observed);
export const notTestedOf = (annotations: readonly AnnotationLike[]) => parsed<NotTested>(annotations, MARK.notTested);
