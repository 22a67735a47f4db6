// SPS version profiles: where the documents for different versions disagree, the profile decides.
// Every field names the documents behind it; schemas/requirements.yaml records the same choices.
export const PROFILE_NAMES = ['5.x', '6.0', '6.9', '7.x', '8.x', '9.x'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/**
 * The profile when neither SPS_PROFILE nor the target's firmware version says otherwise: 7.x, the
 * version most of the documents describe (7.2+ plugin tree, shared/spec/sps-api-facts.md §6.1).
 */
export const DEFAULT_PROFILE: ProfileName = '7.x';

export interface Profile {
  name: ProfileName;
  /** Plugin type collections under /api/configuration/plugins, in the appliance's (alphabetical) order. */
  pluginTypes: readonly string[];
  /** MANIFEST `type` values an upload may carry (a subset of pluginTypes: each needs a collection). */
  manifestTypes: readonly string[];
  /** Plugin API version the appliance supports: a plugin's api needs the same major and a minor <= this. */
  pluginApi: { major: number; minor: number };
  /**
   * true: plugin names must match [a-zA-Z][a-zA-Z0-9_]+ (SDK validator, 6.9+/7.5.1 docs);
   * false: only "cannot contain whitespace" (5.x/6.0 REST docs, whose upload example is "Sample-Authentication-Plugin").
   */
  strictPluginNames: boolean;
  /** Plugin deletion over REST exists since 6.4 (seed 002); before, "only update" (seed 003). */
  pluginDelete: boolean;
  /** 6.4+ plugin bodies carry sha256sum, entry_point, default_configuration, scb_*_version. */
  extendedPluginBody: boolean;
  /** The first configuration change opens a transaction by itself (6.9 docs); older docs require a POST first. */
  autoOpenTransaction: boolean;
  /** Where GET /api/transaction puts the status: under `body` (8.0 LTS guide) or `transaction` (6.9/7.0 guides). */
  transactionEnvelope: 'body' | 'transaction';
  /** 8.0 LTS guide: the status body carries commit_message, and a commit may send one. */
  commitMessage: boolean;
}

const PROFILES: Record<ProfileName, Profile> = {
  '5.x': {
    name: '5.x',
    pluginTypes: ['aa', 'credentialstore', 'ticketing'],
    manifestTypes: ['aa', 'credentialstore'],
    pluginApi: { major: 1, minor: 1 },
    strictPluginNames: false,
    pluginDelete: false,
    extendedPluginBody: false,
    autoOpenTransaction: false,
    transactionEnvelope: 'transaction',
    commitMessage: false,
  },
  '6.0': {
    name: '6.0',
    pluginTypes: ['aa', 'credentialstore'],
    manifestTypes: ['aa', 'credentialstore'],
    pluginApi: { major: 1, minor: 1 },
    strictPluginNames: false,
    pluginDelete: false,
    extendedPluginBody: false,
    autoOpenTransaction: false,
    transactionEnvelope: 'transaction',
    commitMessage: false,
  },
  // The four plugin types: the 6.9.2 integrity page lists them and the SDK's validator hard-codes them
  // (audit-2026-12 "Plugin types in 6.9"; SDK 1.4.0, SPS 6 F3, added signing CA plugins).
  '6.9': {
    name: '6.9',
    pluginTypes: ['aa', 'configuration_sync', 'credentialstore', 'signingca'],
    manifestTypes: ['aa', 'configuration_sync', 'credentialstore', 'signingca'],
    pluginApi: { major: 1, minor: 6 },
    strictPluginNames: true,
    pluginDelete: true,
    extendedPluginBody: true,
    autoOpenTransaction: true,
    transactionEnvelope: 'transaction',
    commitMessage: false,
  },
  // Plugin API 1.7: the sra-initiated plugin declares api 1.7.0 with scb_max_version 8.0.0~ (audit
  // "Plugin API version per release"); the 7.0 guides still show the `transaction` status envelope.
  '7.x': {
    name: '7.x',
    pluginTypes: ['aa', 'configuration_sync', 'credentialstore', 'signingca'],
    manifestTypes: ['aa', 'configuration_sync', 'credentialstore', 'signingca'],
    pluginApi: { major: 1, minor: 7 },
    strictPluginNames: true,
    pluginDelete: true,
    extendedPluginBody: true,
    autoOpenTransaction: true,
    transactionEnvelope: 'transaction',
    commitMessage: false,
  },
  // SDK 1.8.0 is "8 LTS" (SDK history); the 8.0 LTS transactions page shows {body: {commit_message, status}}.
  '8.x': {
    name: '8.x',
    pluginTypes: ['aa', 'configuration_sync', 'credentialstore', 'signingca'],
    manifestTypes: ['aa', 'configuration_sync', 'credentialstore', 'signingca'],
    pluginApi: { major: 1, minor: 8 },
    strictPluginNames: true,
    pluginDelete: true,
    extendedPluginBody: true,
    autoOpenTransaction: true,
    transactionEnvelope: 'body',
    commitMessage: true,
  },
  // SDK 1.9.0 is "9 LTS"; nothing documents a change of the REST surface since 8.x.
  '9.x': {
    name: '9.x',
    pluginTypes: ['aa', 'configuration_sync', 'credentialstore', 'signingca'],
    manifestTypes: ['aa', 'configuration_sync', 'credentialstore', 'signingca'],
    pluginApi: { major: 1, minor: 9 },
    strictPluginNames: true,
    pluginDelete: true,
    extendedPluginBody: true,
    autoOpenTransaction: true,
    transactionEnvelope: 'body',
    commitMessage: true,
  },
};

/**
 * The profile for a firmware version the target reports (GET /api/info firmware_version), or undefined
 * when the version cannot be read. 6.1-6.8 get the 6.0 profile: it never deletes plugins, the safe side.
 */
export function profileForFirmware(version: string): ProfileName | undefined {
  const m = /^\s*(\d+)(?:\.(\d+))?/.exec(version);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2] ?? 0);
  if (major <= 5) return '5.x';
  if (major === 6) return minor >= 9 ? '6.9' : '6.0';
  if (major === 7) return '7.x';
  if (major === 8) return '8.x';
  return '9.x';
}

export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}

export function profile(name: ProfileName): Profile {
  return PROFILES[name];
}
