// Model-based stateful property: random sequences of commands over three sessions (login/logout,
// open/commit/rollback, uploads and re-uploads, AA plugin instances, credential stores, usermapping
// policies, plugin deletes, reads), each answer checked against a small model (suite/model/). A failing
// sequence shrinks to a short one; the repro bundle's shrunk case is that sequence, printed, with the
// seed, the path and fast-check's replayPath.
// Cost on an appliance: every commit takes seconds there, so commits are weighted low and a sequence
// holds at most MAX_COMMANDS commands; each sequence that commits ends with one more commit (cleanup).
import fc from 'fast-check';
import { ConfigModel } from '../suite/model/config-model.ts';
import { commandSequences } from './model/commands.ts';
import { startSequence } from './model/model-check.ts';
import { endSequence, freshSessions, readBaseline, sequenceNames, type Target } from './model/sequence-target.ts';
import type { SpsClient } from '../suite/client/sps-client.ts';
import { PERMANENT_PLUGINS, requirements, test } from './fixtures.ts';

const SESSIONS = 3;
const MAX_COMMANDS = 100;
/** Each run is a whole sequence: more than this many per test would outgrow the suite's time budget. */
const MAX_RUNS = 12;

type Commands = Iterable<fc.AsyncCommand<ConfigModel, Target>>;

/** The command sequence as the property sees it: printable, and cloned with its commands (fc.commands). */
class Sequence {
  constructor(readonly commands: Commands) {}
  [fc.cloneMethod](): Sequence {
    const inner = this.commands as Commands & { [fc.cloneMethod]?: () => Commands };
    return new Sequence(inner[fc.cloneMethod]?.() ?? this.commands);
  }
  /**
   * The commands in order and fast-check's replayPath (what the repro bundle shows). A command whose
   * precondition did not hold when its turn came (e.g. login of a logged-in session) was skipped.
   */
  toJSON(): { commands: string[]; replayPath: string | undefined } {
    const text = String(this.commands);
    const replayPath = /\/\*replayPath="([^"]*)"\*\//.exec(text)?.[1];
    const wrapped = (this.commands as unknown as { commands?: { cmd: object }[] }).commands ?? [];
    return { commands: wrapped.map((c) => String(c.cmd)), replayPath };
  }
  toString(): string {
    return String(this.commands);
  }
}

test.describe('stateful model', () => {
  test(
    'random sequences over sessions, transactions and references answer as the model says',
    requirements(
      'TX-SEQUENCE-ROLLBACK-001',
      'TX-SEQUENCE-ATOMIC-001',
      'TX-SEQUENCE-ISOLATION-001',
      'TX-SEQUENCE-LOCK-001',
      'PLUGIN-DELETE-REFERENCED-003',
    ),
    async ({ connect, ledger, property, settings, spsProfile, writes: _w }, testInfo) => {
      // Before 6.4 a committed plugin can never be removed: only the disposable emulator may get one.
      testInfo.skip(!spsProfile.pluginDelete && !settings.embedded, PERMANENT_PLUGINS);
      const clients: SpsClient[] = [];
      for (let i = 0; i < SESSIONS; i += 1) clients.push(await connect());
      const credentials = { username: settings.username, password: settings.password };
      const arbitrary = commandSequences({
        sessions: SESSIONS,
        maxCommands: MAX_COMMANDS,
        pluginDelete: spsProfile.pluginDelete,
      }).map((c) => new Sequence(c));
      await property(
        arbitrary,
        async (sequence) => {
          startSequence();
          await freshSessions(clients, credentials);
          const model = new ConfigModel(SESSIONS, spsProfile.autoOpenTransaction);
          const target: Target = {
            clients,
            credentials,
            names: sequenceNames(settings.runId),
            baseline: await readBaseline(clients[0]!),
            ledger,
            pluginDelete: spsProfile.pluginDelete,
            zips: new Map(),
          };
          let failed = true;
          try {
            await fc.asyncModelRun(() => ({ model, real: target }), sequence.commands);
            failed = false;
          } finally {
            // A cleanup error must not hide the sequence's own failure; the ledger still removes the rest.
            await endSequence(model, target).catch((error: unknown) => {
              if (!failed) throw error;
            });
          }
        },
        { maxRuns: MAX_RUNS },
      );
    },
  );
});
