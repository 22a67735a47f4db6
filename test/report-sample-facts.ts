// The run facts of a sample certificate, shared by the report tests: one made-up live target.
import type { RunFacts } from '../suite/report/certificate/run-facts.ts';

export const sampleFacts = (extra: Partial<RunFacts> = {}): RunFacts => ({
  shard: null,
  runId: 'spsc0001',
  profile: '7.x',
  seed: 42,
  fcRuns: 25,
  settings: { url: 'http://127.0.0.1:1', password: '<redacted>' },
  target: { url: 'http://127.0.0.1:1', embedded: false, version: '7.4.0', reported: { firmware_version: '7.4.0' } },
  playwrightStatus: 'failed',
  targetBroke: null,
  safety: { clean: true, leftovers: [], changed: [] },
  ...extra,
});
