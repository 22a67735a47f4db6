// The docs link of each lint rule: an anchor in docs/rules.md. The base is the package's `homepage`
// (or its GitHub `repository`) when package.json names one; it names none today, so links are the
// relative path docs/rules.md#anchor, which resolves in the repository and in the installed package.
import { readFileSync } from 'node:fs';

export const RULES_PAGE = 'docs/rules.md';

/** The anchor of a rule id on the rules page: "manifest.missing-field:name" → "manifest-missing-field-name". */
export function ruleAnchor(rule: string): string {
  return rule.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

interface PackageLinks {
  homepage?: string;
  repository?: string | { url?: string };
}

/** https://github.com/o/r from "git+https://github.com/o/r.git", "github:o/r" or a plain URL. */
function repositoryWeb(repository: PackageLinks['repository']): string | undefined {
  const url = typeof repository === 'string' ? repository : repository?.url;
  if (!url) return undefined;
  const short = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (short) return `https://github.com/${short[1]}`;
  const web = /^(?:git\+)?(https:\/\/[^\s]+?)(?:\.git)?$/.exec(url);
  return web?.[1];
}

let base: string | undefined;

/** Where docs/rules.md is: a web address ending in "/", or "" for the relative path. */
export function docsBase(): string {
  if (base !== undefined) return base;
  let pkg: PackageLinks = {};
  try {
    pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageLinks;
  } catch {
    // No package.json beside the build: relative links.
  }
  const repo = repositoryWeb(pkg.repository);
  base = repo ? `${repo}/blob/HEAD/` : pkg.homepage ? `${pkg.homepage.replace(/\/?$/, '/')}` : '';
  return base;
}

export function ruleDocsUrl(rule: string): string {
  return `${docsBase()}${RULES_PAGE}#${ruleAnchor(rule)}`;
}
