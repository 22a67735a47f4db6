// Before the conformance specs: ask the target who it is (GET /api/info, readable without a session)
// and attach the answer for the certificate. The reporter makes no request of its own.
import { fetchTargetIdentity } from '../suite/report/certificate/target-identity.ts';
import { ATTACHMENT } from '../suite/report/reporter/attachments.ts';
import { test } from './fixtures.ts';

test('ask the target who it is', async ({ settings }, testInfo) => {
  // An unreachable /api/info is recorded in the identity (infoError), never a failed setup.
  const identity = await fetchTargetIdentity(settings);
  await testInfo.attach(ATTACHMENT.target, {
    body: JSON.stringify({ shard: testInfo.config.shard, identity }, null, 2),
    contentType: 'application/json',
  });
});
