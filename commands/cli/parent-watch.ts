// Stops a long-running command when the process that started it through npm is gone. `npx
// sps-conformance emulator` runs as npm exec → sh → node; killing npx (a CI step ending, Ctrl-C in some
// shells) kills sh but not node, leaving an orphaned emulator on its port. So when npm started us we
// watch the parent: once it changes (we were re-parented), we stop as if sent SIGTERM. Started any other
// way (a shell's `&`, nohup, PID 1 in a container) the parent is left alone: there it is the user's choice.
import { startedByNpm } from '../../suite/target/settings.ts';

const CHECK_EVERY_MS = 500;

export function stopWhenOrphaned(stop: () => void): void {
  if (!startedByNpm()) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, CHECK_EVERY_MS);
  // The server's sockets keep the process alive; this check alone must not.
  timer.unref();
}
