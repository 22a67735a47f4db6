// The configuration tree around the plugin API: which endpoints stand beside which. The real appliance
// has many more endpoints; these names reproduce the sibling links its documentation shows
// (plugins: previous "passwords", next "policies"; first "aaa", last "x509" - seed 003).
import type { Profile } from '../contract/profiles.ts';
import { FAMILY_NAMES, PLUGINS_PATH } from '../contract/surface.ts';

export const CONFIGURATION_CHILDREN = [
  'aaa',
  'basic_settings',
  'http',
  'ica',
  'local_services',
  'management',
  'mssql',
  'network',
  'passwords',
  'plugins',
  'policies',
  'private_keys',
  'rdp',
  'reporting',
  'ssh',
  'telnet',
  'vnc',
  'x509',
] as const;

/** The policy collections the suite does not cover, there only as siblings in the tree. */
const OTHER_POLICY_CHILDREN = [
  'analytics',
  'audit_policies',
  'backup_policies',
  'content_policies',
  'indexing',
  'ldap_servers',
  'signing_cas',
  'time_policies',
  'userlists',
];

/** Policy collections in tree (name) order: aa_plugin_instances first, usermapping_policies last (seeds 001-003). */
// A set: a collection that becomes a resource family may still stand in the other list.
export const POLICY_CHILDREN: readonly string[] = [...new Set([...FAMILY_NAMES, ...OTHER_POLICY_CHILDREN])].sort();

export function childHrefs(parent: string, names: readonly string[]): string[] {
  return names.map((name) => `${parent}/${name}`);
}

export function pluginTypeHrefs(profile: Profile): string[] {
  return childHrefs(PLUGINS_PATH, profile.pluginTypes);
}
