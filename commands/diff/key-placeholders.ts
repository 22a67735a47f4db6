// Generated keys differ between targets by nature: each target's keys are replaced by placeholders in
// the order they first appear (<key1>, <key2>, ...), so two targets that behave alike read alike. A key
// a scenario step captured is named after the capture (<aa>), so one failed create does not renumber
// every later key.
/**
 * Generated keys (UUIDs, the appliance's hex keys, built-in keys like -100) all hold a digit; the keys of
 * the configuration tree's lists (aa, usermapping_policies) and the fixed 'transaction' hold none.
 */
function isGenerated(key: unknown): key is string {
  return typeof key === 'string' && /\d/.test(key);
}

export class KeyPlaceholders {
  readonly #byKey = new Map<string, string>();
  #numbered = 0;

  /** Learns the keys of an answer: its `key` (named `capture` when given), and its items' keys, in order. */
  learn(json: unknown, capture?: string): void {
    if (typeof json !== 'object' || json === null) return;
    const { key, items } = json as { key?: unknown; items?: unknown };
    this.#add(key, capture);
    if (Array.isArray(items)) for (const item of items) this.#add((item as { key?: unknown } | null)?.key);
  }

  #add(key: unknown, capture?: string): void {
    if (!isGenerated(key) || this.#byKey.has(key)) return;
    this.#numbered += capture ? 0 : 1;
    this.#byKey.set(key, capture ? `<${capture}>` : `<key${this.#numbered}>`);
  }

  /** `text` with every known key replaced by its placeholder (longest keys first). */
  replace(text: string): string {
    let out = text;
    for (const key of [...this.#byKey.keys()].sort((a, b) => b.length - a.length))
      out = out.split(key).join(this.#byKey.get(key)!);
    return out;
  }

  /** A JSON value with every string normalised. */
  normalise(value: unknown): unknown {
    if (typeof value === 'string') return this.replace(value);
    if (Array.isArray(value)) return value.map((v) => this.normalise(v));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.normalise(v)]));
    }
    return value;
  }
}
