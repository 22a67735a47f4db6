// SPS version profiles: where the documents for different versions disagree, the profile decides.
// Every field names the documents behind it; schemas/requirements.yaml records the same choices.
export const PROFILE_NAMES = ['5.x', '6.0', '6.9', '7.x'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** Newest documented behaviour (7.2+ plugin tree, per shared/spec/sps-api-facts.md §6.1). */
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
  /** Where GET /api/transaction puts the status: under `body` (newer clients) or `transaction` (6.9 docs). */
  transactionEnvelope: 'body' | 'transaction';
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
  },
  '6.9': {
    name: '6.9',
    pluginTypes: ['aa', 'credentialstore'],
    manifestTypes: ['aa', 'credentialstore'],
    pluginApi: { major: 1, minor: 6 },
    strictPluginNames: true,
    pluginDelete: true,
    extendedPluginBody: true,
    autoOpenTransaction: true,
    transactionEnvelope: 'transaction',
  },
  '7.x': {
    name: '7.x',
    pluginTypes: ['aa', 'configuration_sync', 'credentialstore', 'signingca'],
    manifestTypes: ['aa', 'configuration_sync', 'credentialstore', 'signingca'],
    pluginApi: { major: 1, minor: 9 },
    strictPluginNames: true,
    pluginDelete: true,
    extendedPluginBody: true,
    autoOpenTransaction: true,
    transactionEnvelope: 'body',
  },
};

export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}

export function profile(name: ProfileName): Profile {
  return PROFILES[name];
}
