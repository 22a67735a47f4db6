// Runs a fast-check property with the run's seed; a failure carries the seed, the path and the shrunk
// case, both in the thrown message and as data for the repro bundle.
import fc from 'fast-check';

export interface PropertyFailure {
  seed: number;
  path: string | undefined;
  numRuns: number;
  counterexample: unknown;
  error: string;
}

export interface PropertyOptions {
  seed: number;
  numRuns: number;
  /** Receives the failure before the error is thrown (e.g. to attach it to the test). */
  onFailure?: (failure: PropertyFailure) => Promise<void> | void;
}

/** JSON-friendly view of a counterexample: Buffers become base64 with their length. */
function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      const maybe = v as { type?: unknown; data?: unknown };
      if (maybe && maybe.type === 'Buffer' && Array.isArray(maybe.data)) {
        const bytes = Buffer.from(maybe.data as number[]);
        return { base64: bytes.toString('base64'), length: bytes.length };
      }
      return v;
    }),
  );
}

export async function checkProperty<T>(
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  options: PropertyOptions,
): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), {
    seed: options.seed,
    numRuns: options.numRuns,
    endOnFailure: false,
  });
  if (!details.failed) return;
  const counterexample = details.counterexample?.[0];
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const failure: PropertyFailure = {
    seed: options.seed,
    path: details.counterexamplePath ?? undefined,
    numRuns: options.numRuns,
    counterexample: plain(counterexample),
    error,
  };
  // Shrinking ends on passing attempts; running the shrunk case once more makes its exchange the last
  // one recorded, which is what a repro bundle replays.
  if (details.counterexample) await predicate(details.counterexample[0]).catch(() => undefined);
  await options.onFailure?.(failure);
  throw new Error(
    `property failed after ${details.numRuns} runs (seed ${options.seed}, path ${failure.path ?? '-'}; replay with FC_SEED=${options.seed})\n` +
      `shrunk case: ${JSON.stringify(failure.counterexample).slice(0, 2000)}\n${error}`,
  );
}
