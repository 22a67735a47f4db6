// SPS version profiles: where the documents for different versions disagree, the profile decides.
export const PROFILE_NAMES = ['5.x', '6.0', '6.9', '7.x'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** Newest documented behaviour (7.2+ plugin tree, per shared/spec/sps-api-facts.md §6.1). */
export const DEFAULT_PROFILE: ProfileName = '7.x';

export interface Profile {
  name: ProfileName;
  /** Plugin type collections under /api/configuration/plugins, in the appliance's (alphabetical) order. */
  pluginTypes: readonly string[];
  /** Plugin types the packaging rules accept in a MANIFEST. */
  manifestTypes: readonly string[];
  /** Plugin deletion over REST exists since 6.4 (seed 002); before, "only update" (seed 003). */
  pluginDelete: boolean;
  /** 6.4+ plugin bodies carry sha256sum, entry_point, default_configuration, scb_*_version. */
  extendedPluginBody: boolean;
}

const PROFILES: Record<ProfileName, Profile> = {
  '5.x': {
    name: '5.x',
    pluginTypes: ['aa', 'credentialstore', 'ticketing'],
    manifestTypes: ['aa', 'credentialstore', 'signingca'],
    pluginDelete: false,
    extendedPluginBody: false,
  },
  '6.0': {
    name: '6.0',
    pluginTypes: ['aa', 'credentialstore'],
    manifestTypes: ['aa', 'credentialstore', 'signingca'],
    pluginDelete: false,
    extendedPluginBody: false,
  },
  '6.9': {
    name: '6.9',
    pluginTypes: ['aa', 'credentialstore'],
    manifestTypes: ['aa', 'configuration_sync', 'credentialstore', 'signingca'],
    pluginDelete: true,
    extendedPluginBody: true,
  },
  '7.x': {
    name: '7.x',
    pluginTypes: ['aa', 'configuration_sync', 'credentialstore', 'signingca'],
    manifestTypes: ['aa', 'configuration_sync', 'credentialstore', 'signingca'],
    pluginDelete: true,
    extendedPluginBody: true,
  },
};

export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}

export function profile(name: ProfileName): Profile {
  return PROFILES[name];
}
