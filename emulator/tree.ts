// The configuration tree around the plugin API: which endpoints stand beside which. The real appliance
// has many more endpoints; these names reproduce the sibling links its documentation shows
// (plugins: previous "passwords", next "policies"; first "aaa", last "x509" - seed 003).
import type { Profile } from '../contract/profiles.ts';

export const CONFIGURATION = '/api/configuration';
export const PLUGINS = `${CONFIGURATION}/plugins`;
export const POLICIES = `${CONFIGURATION}/policies`;

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

/** Policy collections; aa_plugin_instances first, usermapping_policies last (seeds 001-003). */
export const POLICY_CHILDREN = [
  'aa_plugin_instances',
  'analytics',
  'audit_policies',
  'backup_policies',
  'content_policies',
  'credentialstores',
  'indexing',
  'ldap_servers',
  'signing_cas',
  'time_policies',
  'trusted_ca_lists',
  'userlists',
  'usermapping_policies',
] as const;

export function childHrefs(parent: string, names: readonly string[]): string[] {
  return names.map((name) => `${parent}/${name}`);
}

export function pluginTypeHrefs(profile: Profile): string[] {
  return childHrefs(PLUGINS, profile.pluginTypes);
}
