// replay.sh of a repro bundle: curl commands that log in with $SPS_USERNAME/$SPS_PASSWORD and re-send
// the failing request byte for byte. Secrets appear only as environment-variable placeholders.
import type { ReproExchange, ReproIndex } from './repro-format.ts';

const AUTH_PATH = '/api/authentication';
/** Headers curl sets itself or that the cookie jar / placeholders replace. */
const DROPPED_HEADERS = new Set(['content-length', 'cookie', 'host', 'connection', 'transfer-encoding']);

/** Single-quoted for bash: nothing inside expands. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function usesSession(exchange: ReproExchange): boolean {
  return Object.entries(exchange.headers).some(([k, v]) => k.toLowerCase() === 'cookie' && v.includes('session_id'));
}

function headerArgs(exchange: ReproExchange): string[] {
  const args: string[] = [];
  for (const [name, value] of Object.entries(exchange.headers)) {
    if (DROPPED_HEADERS.has(name.toLowerCase())) continue;
    // Placeholders must expand, so these two are double-quoted; everything else stays literal.
    if (name.toLowerCase() === 'authorization') args.push(`-H "authorization: Basic $SPS_BASIC_AUTH"`);
    else args.push(`-H ${quote(`${name}: ${value}`)}`);
  }
  return args;
}

function bodyArgs(exchange: ReproExchange, hasSecret: boolean): string[] {
  if (!exchange.requestFile) return [];
  if (!hasSecret) return [`--data-binary @${quote(exchange.requestFile)}`];
  // A text body that held a secret: put $SPS_SECRET back before sending.
  return [`--data-binary "$(body=$(cat ${quote(exchange.requestFile)}); printf '%s' "\${body//'$SPS_SECRET'/$SPS_SECRET}")"`];
}

export function curlCommand(exchange: ReproExchange, hasSecret: boolean): string {
  const parts = ['curl', '"${TLS[@]}"', '-sS', '-X', exchange.method];
  if (usesSession(exchange)) parts.push('-b "$JAR"');
  parts.push(...headerArgs(exchange), ...bodyArgs(exchange, hasSecret));
  parts.push(`-w '\\nHTTP %{http_code}\\n'`, `"$SPS_URL"${quote(exchange.path)}`);
  return parts.join(' ');
}

export interface ReplayScriptOptions {
  tlsVerify: boolean;
  caFile: string | undefined;
  /** Request files whose text contains $SPS_SECRET. */
  secretFiles: ReadonlySet<string>;
}

function tlsLine(options: ReplayScriptOptions): string {
  if (!options.tlsVerify) return 'TLS=(--insecure)   # the run had SPS_TLS_VERIFY=false';
  if (options.caFile) return 'TLS=(--cacert "${SPS_CA_FILE:?set SPS_CA_FILE to the CA bundle the run used}")';
  return 'TLS=()';
}

export function replayScript(index: ReproIndex, options: ReplayScriptOptions): string {
  const failing = index.exchanges.find((e) => e.n === index.failing?.exchange);
  const earlier = index.exchanges.filter((e) => e.phase === 'test' && failing && e.n < failing.n && e.path !== AUTH_PATH);
  const lines = [
    '#!/usr/bin/env bash',
    `# Replays the failing request of: ${index.test.title.replace(/\n/g, ' ')}`,
    `# Requirements: ${index.requirementIds.join(', ')}`,
    `# Recorded answer: HTTP ${index.failing?.recorded.status ?? '-'} ${index.failing?.recorded.errorType ?? ''}`.trimEnd(),
    index.failing?.expected ? `# Expected: HTTP ${index.failing.expected.status} ${index.failing.expected.code ?? ''}`.trimEnd() : '# Expected: not recorded (see repro.json)',
    '# Needs SPS_URL, SPS_USERNAME, SPS_PASSWORD; SPS_SECRET where a body held a secret ($SPS_SECRET).',
    '# `sps-conformance replay <this dir>` does the same and says FIXED or STILL FAILING.',
    'set -euo pipefail',
    'cd "$(dirname "$0")"',
    ': "${SPS_URL:?set SPS_URL to the target, e.g. https://sps.example.com}"',
    ': "${SPS_USERNAME:?set SPS_USERNAME}" "${SPS_PASSWORD:?set SPS_PASSWORD}"',
    'SPS_BASIC_AUTH="${SPS_BASIC_AUTH:-$(printf \'%s:%s\' "$SPS_USERNAME" "$SPS_PASSWORD" | base64 | tr -d \'\\n\')}"',
    tlsLine(options),
  ];
  // Log in only when the replayed requests ran in a session; an anonymous request stays anonymous.
  if ([...earlier, ...(failing ? [failing] : [])].some(usesSession)) {
    lines.push(
      'JAR="$(mktemp)"',
      'trap \'curl "${TLS[@]}" -sS -o /dev/null -b "$JAR" -X DELETE "$SPS_URL/api/authentication" || true; rm -f "$JAR"\' EXIT',
      '',
      '# Log in: the session cookie goes to a temporary cookie jar, never to the screen.',
      `curl "\${TLS[@]}" -sS -o /dev/null -w 'login: HTTP %{http_code}\\n' -u "$SPS_USERNAME:$SPS_PASSWORD" -c "$JAR" "$SPS_URL${AUTH_PATH}"`,
    );
  }
  if (earlier.length) {
    lines.push('', '# Earlier requests of the test, for context (uncomment to replay the whole test body):');
    for (const e of earlier) lines.push(`# ${curlCommand(e, options.secretFiles.has(e.requestFile ?? ''))}`);
  }
  lines.push('', '# The failing request:');
  lines.push(failing ? curlCommand(failing, options.secretFiles.has(failing.requestFile ?? '')) : 'echo "the test recorded no request to replay" >&2; exit 1');
  return `${lines.join('\n')}\n`;
}
