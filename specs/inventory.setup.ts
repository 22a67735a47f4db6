// Before the conformance specs: fingerprint the target's configuration (only when writes are allowed,
// since then the run may change it).
import { writeFileSync, mkdirSync } from 'node:fs';
import { inventoryBeforeFile, takeInventory } from '../suite/target/inventory.ts';
import { reportDir } from '../suite/target/settings.ts';
import { requirements, test } from './fixtures.ts';

test(
  'take the configuration inventory before the run',
  requirements('SAFETY-INVENTORY-001'),
  async ({ settings, inventoryClient, spsProfile }) => {
    test.skip(!settings.allowWrites, 'writes are off: the run cannot change the target');
    const inventory = await takeInventory(inventoryClient, spsProfile);
    mkdirSync(reportDir(), { recursive: true });
    writeFileSync(inventoryBeforeFile(reportDir()), JSON.stringify({ runId: settings.runId, inventory }, null, 2));
  },
);
