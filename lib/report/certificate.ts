// The certificate: what was tested, against what, and the verdict per requirement.
import type { Settings } from '../target/settings.ts';
import { publicSettings } from '../target/settings.ts';
import type { Requirement } from './catalog.ts';
import { SUITE_NAME, SUITE_VERSION } from './suite-version.ts';
import { judge, totals, unknownIds, type RequirementVerdict, type TestRecord, type Verdict } from './verdicts.ts';

export interface Certificate {
  suite: { name: string; version: string };
  generatedAt: string;
  target: { url: string; embedded: boolean };
  profile: string;
  seed: number;
  fcRuns: number;
  settings: Record<string, unknown>;
  totals: Record<Verdict, number>;
  tests: { passed: number; failed: number; skipped: number; error: number };
  unknownRequirementIds: string[];
  requirements: RequirementVerdict[];
}

export function buildCertificate(settings: Settings, catalog: readonly Requirement[], records: readonly TestRecord[]): Certificate {
  const verdicts = judge(catalog, records);
  const count = (outcome: TestRecord['outcome']) => records.filter((r) => r.outcome === outcome).length;
  return {
    suite: { name: SUITE_NAME, version: SUITE_VERSION },
    generatedAt: new Date().toISOString(),
    target: { url: settings.url, embedded: settings.embedded },
    profile: settings.profile,
    seed: settings.fcSeed,
    fcRuns: settings.fcRuns,
    settings: publicSettings(settings),
    totals: totals(verdicts),
    tests: { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), error: count('error') },
    unknownRequirementIds: unknownIds(catalog, records),
    requirements: verdicts,
  };
}
