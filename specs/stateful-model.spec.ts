// Model-based stateful property: random sequences of commands over three sessions (open/commit/
// rollback, uploads and re-uploads, AA plugin instances, credential stores, usermapping policies,
// plugin deletes, reads), each answer checked against a small model (suite/model/). A failing
// sequence shrinks to a short one; the repro bundle's shrunk case is that sequence, printed, with the
// seed, the path and fast-check's replayPath.
// Cost on an appliance (logins and commits take seconds there; see the run budget): the three sessions
// are the worker's (sps, peer, third), logged in once; a sequence makes at most COMMITS_PER_SEQUENCE
// commits that succeed, at most MAX_RUNS sequences run, and what they committed is deleted once, by
// the ledger, after the test.
import fc from 'fast-check';
import { ConfigModel } from '../suite/model/config-model.ts';
import { commandSequences } from './model/commands.ts';
import { startSequence } from './model/model-check.ts';
import { endSequence, freshTransactions, readBaseline, sequenceNames, type Target } from './model/sequence-target.ts';
import { PERMANENT_PLUGINS, requirements, test } from './fixtures.ts';

const SESSIONS = 3;
const MAX_COMMANDS = 100;
/** Each run is a whole sequence; MAX_RUNS × COMMITS_PER_SEQUENCE commits fit the run budget. */
const MAX_RUNS = 8;
const COMMITS_PER_SEQUENCE = 1;

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
    async ({ sps, peer, third, ledger, property, settings, spsProfile, writes: _w }, testInfo) => {
      // Before 6.4 a committed plugin can never be removed: only the disposable emulator may get one.
      testInfo.skip(!spsProfile.pluginDelete && !settings.embedded, PERMANENT_PLUGINS);
      const clients = [sps, peer, third];
      const arbitrary = commandSequences({
        sessions: SESSIONS,
        maxCommands: MAX_COMMANDS,
        pluginDelete: spsProfile.pluginDelete,
      }).map((c) => new Sequence(c));
      await property(
        arbitrary,
        async (sequence) => {
          startSequence();
          await freshTransactions(clients);
          const model = new ConfigModel(SESSIONS, spsProfile.autoOpenTransaction);
          model.commitsLeft = COMMITS_PER_SEQUENCE;
          const target: Target = {
            clients,
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
