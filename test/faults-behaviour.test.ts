// Each listed fault changes the behaviour it claims: its probe shows the fault against an
// emulator with it, and not against a pristine one.
import { FAULTS } from '../emulator/faults/fault-list.ts';
import { SpsClient } from '../suite/client/sps-client.ts';
import { ADMIN, OTHER_ADMIN, READER, emulatorWith, expect, test } from './emulator-fixtures.ts';
import { PROBES, type ProbeClients } from './faults-probes.ts';

async function probe(name: string, fault: string | undefined): Promise<boolean> {
  const running = await emulatorWith(fault ? { fault } : {});
  try {
    const clients: ProbeClients = {
      admin: await new SpsClient(running.url).mustLogin(ADMIN),
      other: await new SpsClient(running.url).mustLogin(OTHER_ADMIN),
      reader: await new SpsClient(running.url).mustLogin(READER),
      anonymous: new SpsClient(running.url),
    };
    return await PROBES[name]!(clients);
  } finally {
    await running.close();
  }
}

test('every fault has a probe', () => {
  expect(FAULTS.map((f) => f.name).filter((name) => !PROBES[name])).toEqual([]);
});

for (const fault of FAULTS) {
  test(`fault ${fault.name}: ${fault.description}`, async () => {
    expect(await probe(fault.name, undefined), 'the pristine emulator must not show it').toBe(false);
    expect(await probe(fault.name, fault.name), 'the faulted emulator must show it').toBe(true);
  });
}
