// The package's public API (`import { ... } from 'sps-conformance'`): the plugin linter, the generators of
// plugin zips, MANIFESTs and payloads, the reference emulator and the certificate verifier. Everything
// else is internal to the suite and may change between versions.
export { inspectPlugin } from './contract/plugin/inspect.ts';
export type { Inspection, InspectOptions, Problem, PluginManifest, Warning } from './contract/plugin/inspect.ts';
export { lintFile } from './commands/cli/lint-command.ts';
export type { LintResult } from './commands/cli/lint-command.ts';
export { DEFAULT_PROFILE, PROFILE_NAMES, profile } from './contract/profiles.ts';
export type { Profile, ProfileName } from './contract/profiles.ts';
export {
  brokenPluginZip,
  minimalPluginFiles,
  minimalPluginZip,
  pluginZipBytes,
  pluginZipWith,
  validPluginZip,
} from './generators/plugin-zip.ts';
export type { PluginZipCase } from './generators/plugin-zip.ts';
export { manifestWith, renderManifest, validManifest } from './generators/manifest.ts';
export type { ManifestCase } from './generators/manifest.ts';
export { brokenPayload, payloadWith, validPayload } from './generators/payloads.ts';
export type { PayloadCase, PayloadContext } from './generators/payloads.ts';
export type { FamilyName } from './contract/surface.ts';
export { buildZip } from './generators/zip-bytes.ts';
export type { ZipFile } from './generators/zip-bytes.ts';
export { startEmulator } from './emulator/server.ts';
export type { EmulatorOptions, RunningEmulator } from './emulator/server.ts';
export { checkSeal } from './suite/report/certificate/seal.ts';
export type { SealCheck } from './suite/report/certificate/seal.ts';
export { suiteHash } from './suite/report/certificate/suite-hash.ts';
