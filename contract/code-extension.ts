// Whether the suite runs as TypeScript (a clone: sources, or the dev bundle that keeps their paths) or as
// the compiled JavaScript of an installed package (dist/js). Paths to files Playwright loads by name (the
// config, the reporter) take this extension.
export const CODE_EXTENSION: 'ts' | 'js' = import.meta.url.endsWith('.js') ? 'js' : 'ts';
