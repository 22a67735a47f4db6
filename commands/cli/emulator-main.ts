// The emulator's own entry: bin/sps-conformance.js runs it from an esbuild bundle, so a long-running
// emulator carries no TypeScript loader (see bin/bundle.js).
import { setFlagsFromString } from 'node:v8';
import { addEmulatorCommand } from './emulator-definition.ts';
import { rootCommand, runProgram } from './program.ts';

// A long-running server whose requests allocate little that lives: V8's young generation need not
// grow to its 16 MiB semi-spaces (bench/emulator.ts: RSS after 1,000 uploads 125-128 -> 111-116 MiB).
// Read by V8 each time the young generation would grow, so it applies though the heap already exists.
// The price is more frequent scavenges: CPU per list GET rose by about 10-20 µs (of about 100).
setFlagsFromString('--semi-space-growth-factor=1');

const root = rootCommand();
addEmulatorCommand(root);
await runProgram(root, process.argv);
