// The requirement catalog, schemas/requirements.yaml (DESIGN.md "The requirement catalog").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsedYaml } from './parsed-yaml.ts';
import { SCHEMA_DIR } from './schema-dir.ts';
import type { ProfileName } from './profiles.ts';

/**
 * The evidence behind a requirement: a vendor document (page and words), an observed real client or
 * recorded appliance answer, an HTTP/JSON standard or universal REST practice, or our own inference.
 */
export type Basis = 'documented' | 'observed' | 'standard' | 'inferred';

export const BASES: readonly Basis[] = ['documented', 'observed', 'standard', 'inferred'];

/** Only inferred requirements may WARN: every other basis is evidence a target must meet. */
export function isInferred(requirement: Pick<Requirement, 'basis'>): boolean {
  return requirement.basis === 'inferred';
}

export interface Requirement {
  id: string;
  area: string;
  statement: string;
  source: string;
  basis: Basis;
  /** Why, for an inferred requirement (and the citation for observed/standard ones when source is short). */
  reasoning?: string;
  /** SPS profiles the requirement applies to; "all" for every profile. */
  profiles: readonly (ProfileName | 'all')[];
  /** For packaging requirements: the rule id contract/plugin reports and the generators label cases with. */
  rule?: string;
  /** Set when no test checks it on purpose: the reason it stays NOT-TESTED. */
  not_tested?: string;
}

export const CATALOG_FILE = join(SCHEMA_DIR, 'requirements.yaml');

export function loadCatalog(file: string = CATALOG_FILE): Requirement[] {
  const doc = parsedYaml(readFileSync(file, 'utf8')) as { requirements?: Requirement[] };
  return doc.requirements ?? [];
}

export function appliesTo(requirement: Requirement, profile: ProfileName): boolean {
  return requirement.profiles.includes('all') || requirement.profiles.includes(profile);
}
