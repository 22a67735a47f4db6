// `sps-conformance diff --a URL --b URL`: the same seeded scenario against two targets, and every
// difference in status, error.type, contract problems and meta links (keys and remaining_seconds
// normalised). Exit 0 when they behave alike, 1 when they differ, 2 on a usage error.
import { randomBytes } from 'node:crypto';
import { TargetError } from '../../suite/client/target-error.ts';
import { differences, type Difference } from '../diff/compare.ts';
import { observeTarget, type Target } from '../diff/observe.ts';
import { diffScenario } from '../diff/scenario.ts';
import { DEFAULT_PROFILE, profile as profileOf, type ProfileName } from '../../contract/profiles.ts';
import { diffAccount, diffTlsVerify, SettingsError } from '../../suite/target/settings.ts';
import { UsageError } from './usage-error.ts';

export interface DiffOptions {
  a?: string;
  b?: string;
  json?: boolean;
  seed: number;
  profile?: ProfileName;
}

function baseUrl(raw: string | undefined, option: string): string {
  if (!raw) throw new UsageError(`${option} URL is required`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${option} is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${option} must start with http:// or https:// (got "${raw}")`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function targets(options: DiffOptions): [Target, Target] {
  try {
    const tlsVerify = diffTlsVerify();
    return [
      { url: baseUrl(options.a, '--a'), account: diffAccount('A'), tlsVerify },
      { url: baseUrl(options.b, '--b'), account: diffAccount('B'), tlsVerify },
    ];
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function humanReport(a: Target, b: Target, steps: number, found: readonly Difference[]): string {
  const head = `diff: A ${a.url} vs B ${b.url}: ${steps} steps, ${found.length === 0 ? 'no differences' : `${found.length} difference${found.length === 1 ? '' : 's'}`}`;
  const lines = found.map(
    (d) => `  #${d.step} ${d.method} ${d.path} (${d.label}): ${d.field}\n    A: ${shown(d.a)}\n    B: ${shown(d.b)}`,
  );
  return `${[head, ...lines].join('\n')}\n`;
}

export async function diffCommand(options: DiffOptions): Promise<number> {
  const [a, b] = targets(options);
  const profile = profileOf(options.profile ?? DEFAULT_PROFILE);
  // Both targets get the very same names, so only behaviour can differ.
  const prefix = `Spsdiff${randomBytes(3).toString('hex')}`;
  const steps = await diffScenario(profile, options.seed, prefix);
  let observed: readonly [Awaited<ReturnType<typeof observeTarget>>, Awaited<ReturnType<typeof observeTarget>>];
  try {
    observed = [await observeTarget(a, steps), await observeTarget(b, steps)] as const;
  } catch (error) {
    if (error instanceof TargetError) throw new UsageError(`cannot talk to a target: ${error.message}`);
    throw error;
  }
  const found = differences(steps, observed[0], observed[1]);
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ a: a.url, b: b.url, seed: options.seed, profile: profile.name, steps: steps.length, differences: found }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(humanReport(a, b, steps.length, found));
  }
  return found.length === 0 ? 0 : 1;
}
