// After the conformance specs: roll back this session's transaction, fingerprint the configuration
// again, and fail if anything the run did not create changed or anything it created is left.
import { existsSync, readFileSync } from 'node:fs';
import { ATTACHMENT } from '../suite/report/reporter/attachments.ts';
import { compareInventories, inventoryBeforeFile, takeInventory, type Inventory } from '../suite/target/inventory.ts';
import { reportDir } from '../suite/target/settings.ts';
import { expect, requirements, test } from './fixtures.ts';

test(
  'the run left the configuration as it found it',
  requirements('SAFETY-INVENTORY-001'),
  async ({ settings, inventoryClient, spsProfile }) => {
    test.skip(!settings.allowWrites, 'writes are off: the run cannot change the target');
    expect(existsSync(inventoryBeforeFile(reportDir())), 'the inventory taken before the run').toBe(true);
    const before = JSON.parse(readFileSync(inventoryBeforeFile(reportDir()), 'utf8')) as {
      runId: string;
      inventory: Inventory;
    };
    const after = await takeInventory(inventoryClient, spsProfile);
    // Before 6.4 plugins cannot be deleted; on the (disposable) emulator the run's plugins may stay.
    const permanent = !spsProfile.pluginDelete && settings.embedded ? '/api/configuration/plugins/' : undefined;
    const diff = compareInventories(before.inventory, after, settings.runId, permanent);
    await test.info().attach(ATTACHMENT.safety, {
      body: JSON.stringify({ shard: test.info().config.shard, runId: settings.runId, ...diff }, null, 2),
      contentType: 'application/json',
    });
    expect(diff.leftovers, 'objects this run created must all be removed').toEqual([]);
    expect(diff.changed, 'objects this run did not create must be unchanged').toEqual([]);
  },
);
