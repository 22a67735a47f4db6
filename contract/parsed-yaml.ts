// A parse of the contract's YAML data files (the requirement catalog, the OpenAPI document), cached as
// JSON (contract/derived-cache.ts): every Playwright runner and worker of every run loads both, and
// parsing them costs about half a second per process. They are plain YAML 1.2 data (strings, numbers,
// booleans, lists, maps), which JSON carries unchanged.
import { parse } from 'yaml';
import { cachedDerivation } from './derived-cache.ts';

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function parsedYaml(text: string): unknown {
  const json = cachedDerivation(`yaml\n${text}`, () => JSON.stringify(parse(text)), isJson);
  // A fresh copy each call: callers own what they get, as they did with a parse of their own.
  return JSON.parse(json) as unknown;
}
