// `sps-conformance replay DIR [--url URL]`: re-sends a repro bundle's failing request (logged in with
// SPS_USERNAME / SPS_PASSWORD when the original had a session) and judges the answer with
// lib/report/replay-verdict.ts. Exit 0 FIXED, 1 STILL FAILING, 3 CHANGED, 4 no answer, 2 usage error.
import { SpsClient } from '../client/sps-client.ts';
import { TargetError } from '../client/target-error.ts';
import { jsonOf } from '../client/http.ts';
import { judgeReplay, type ReplayVerdict } from '../report/replay-verdict.ts';
import { failingExchange, readReproIndex, replayRequest, ReproBundleError, usesSession } from '../report/repro-request.ts';
import { loadSettings, replaySecret, SettingsError, type Settings } from '../target/settings.ts';
import { UsageError } from './usage-error.ts';

export const REPLAY_EXIT: Record<ReplayVerdict | 'NO ANSWER', number> = { FIXED: 0, 'STILL FAILING': 1, CHANGED: 3, 'NO ANSWER': 4 };

function settingsOrUsage(): Settings {
  try {
    return loadSettings();
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
}

function targetUrl(settings: Settings, url: string | undefined): string {
  if (url) {
    if (!/^https?:\/\//.test(url)) throw new UsageError(`--url must start with http:// or https:// (got "${url}")`);
    return url.replace(/\/+$/, '');
  }
  if (settings.embedded) {
    throw new UsageError('no target: pass --url or set SPS_URL (the embedded emulator of the original run is gone; start one with `sps-conformance emulator`)');
  }
  return settings.url;
}

export async function replayCommand(dir: string, options: { url?: string }): Promise<number> {
  let index, exchange;
  try {
    index = readReproIndex(dir);
    exchange = failingExchange(index);
  } catch (error) {
    if (error instanceof ReproBundleError) throw new UsageError(error.message);
    throw error;
  }
  const settings = settingsOrUsage();
  const url = targetUrl(settings, options.url);
  const client = new SpsClient(url, { verify: settings.tlsVerify, caFile: settings.caFile });
  process.stdout.write(`replaying ${exchange.method} ${exchange.path} (${index.test.title}; ${index.requirementIds.join(', ')}) against ${url}\n`);
  try {
    if (usesSession(exchange)) await client.mustLogin(settings);
    const res = await client.request(replayRequest(dir, exchange, settings, replaySecret()));
    const errorType = (jsonOf(res) as { error?: { type?: unknown } } | undefined)?.error?.type;
    const judgement = judgeReplay(index.failing!, { status: res.status, errorType: typeof errorType === 'string' ? errorType : null });
    if (client.loggedIn) await client.logout().catch(() => undefined);
    process.stdout.write(`${judgement.verdict}: ${judgement.why}\n`);
    return REPLAY_EXIT[judgement.verdict];
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    process.stdout.write(`NO ANSWER: ${error.message}\n`);
    return REPLAY_EXIT['NO ANSWER'];
  }
}
