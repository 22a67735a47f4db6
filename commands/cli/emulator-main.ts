// The emulator's own entry: bin/sps-conformance.js runs it from an esbuild bundle, so a long-running
// emulator carries no TypeScript loader (see bin/build.js).
import { addEmulatorCommand } from './emulator-definition.ts';
import { rootCommand, runProgram } from './program.ts';

const root = rootCommand();
addEmulatorCommand(root);
await runProgram(root, process.argv);
