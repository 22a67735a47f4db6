// Configuration state, without HTTP. Plugins are kept per type, in upload order (the appliance's list order).
export interface PluginRecord {
  key: string;
  type: string;
  name: string;
  version: string;
  api: string;
  description: string;
  entryPoint: string | null;
  scbMinVersion: string;
  scbMaxVersion: string;
  defaultConfiguration: string;
  sha256sum: string;
  path: string;
}

export interface ConfigState {
  plugins: PluginRecord[];
}

export function emptyState(): ConfigState {
  return { plugins: [] };
}

export class Store {
  committed: ConfigState;

  constructor(initial: ConfigState = emptyState()) {
    this.committed = initial;
  }

  plugins(type: string): PluginRecord[] {
    return this.committed.plugins.filter((p) => p.type === type);
  }

  plugin(type: string, key: string): PluginRecord | undefined {
    return this.committed.plugins.find((p) => p.type === type && p.key === key);
  }
}
