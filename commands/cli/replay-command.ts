// `sps-conformance replay DIR [--url URL]`: re-sends a repro bundle's failing request (logged in with
// SPS_USERNAME / SPS_PASSWORD when the original had a session) and judges the answer with
// suite/report/replay-verdict.ts. Exit 0 FIXED, 1 STILL FAILING, 3 CHANGED, 4 no answer, 2 usage error.
import { SpsClient } from '../../suite/client/sps-client.ts';
import { TargetError } from '../../suite/client/target-error.ts';
import { jsonOf } from '../../suite/client/http.ts';
import { judgeReplay, type ReplayVerdict } from '../../suite/report/repro/replay-verdict.ts';
import {
  failingExchange,
  readReproIndex,
  replayRequest,
  ReproBundleError,
  usesSession,
} from '../../suite/report/repro/repro-request.ts';
import { printable } from '../../suite/report/terminal-text.ts';
import { loadSettings, replaySecret, SettingsError, type Settings } from '../../suite/target/settings.ts';
import { UsageError } from './usage-error.ts';

export const REPLAY_EXIT: Record<ReplayVerdict | 'NO ANSWER', number> = {
  FIXED: 0,
  'STILL FAILING': 1,
  CHANGED: 3,
  'NO ANSWER': 4,
};

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
    throw new UsageError(
      'no target: pass --url or set SPS_URL (the embedded emulator of the original run is gone; start one with `sps-conformance emulator`)',
    );
  }
  return settings.url;
}

export async function replayCommand(dir: string, options: { url?: string }): Promise<number> {
  let index: ReturnType<typeof readReproIndex>;
  let exchange: ReturnType<typeof failingExchange>;
  let request: ReturnType<typeof replayRequest>;
  const settings = settingsOrUsage();
  try {
    index = readReproIndex(dir);
    exchange = failingExchange(index);
    if (!index.failing?.recorded) throw new ReproBundleError('the bundle records no failing answer to compare with');
    request = replayRequest(dir, exchange, settings, replaySecret());
  } catch (error) {
    if (error instanceof ReproBundleError) throw new UsageError(error.message);
    throw error;
  }
  const failing = index.failing!;
  const url = targetUrl(settings, options.url);
  const client = new SpsClient(url, { verify: settings.tlsVerify, caFile: settings.caFile });
  // Everything from the bundle or the target is printed through printable(): no terminal escapes.
  const ids = Array.isArray(index.requirementIds) ? index.requirementIds.map(String).join(', ') : '';
  process.stdout.write(
    `${printable(
      `replaying ${exchange.method} ${exchange.path} (${String(index.test?.title ?? '')}; ${ids}) against ${url}`,
    )}\n`,
  );
  try {
    if (usesSession(exchange)) await client.mustLogin(settings);
    const res = await client.request(request);
    const errorType = (jsonOf(res) as { error?: { type?: unknown } } | undefined)?.error?.type;
    const judgement = judgeReplay(failing, {
      status: res.status,
      errorType: typeof errorType === 'string' ? errorType : null,
    });
    if (client.loggedIn) await client.logout().catch(() => undefined);
    process.stdout.write(`${judgement.verdict}: ${printable(judgement.why)}\n`);
    return REPLAY_EXIT[judgement.verdict];
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    process.stdout.write(`NO ANSWER: ${printable(error.message)}\n`);
    return REPLAY_EXIT['NO ANSWER'];
  }
}
