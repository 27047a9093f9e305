import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syntheticOrg } from '../../../bench/influence-org.js';
import { buildCsr } from '../../analytics/index.js';
import { communitiesHere, communitiesInBackground } from './communities-parallel.js';

describe('clusters in the background', () => {
  const worker = new URL('../../../dist/app/influence/communities-worker.js', import.meta.url);
  const g = buildCsr(syntheticOrg(3_000, 30_000, 4));
  const here = communitiesHere(g, 9);

  // The worker runs compiled JavaScript: `npm test` builds dist/ first.
  it.skipIf(!existsSync(fileURLToPath(worker)))(
    'finds on another thread the clusters the calling thread would, label for label',
    async () => {
      const background = communitiesInBackground(g, 9, { minTies: 0, workerUrl: worker });
      expect(background.threaded).toBe(true);
      const found = await background.result;
      expect(found.count).toBe(here.count);
      expect(found.modularity).toBe(here.modularity);
      expect([...found.labels]).toEqual([...here.labels]);
    },
  );

  it('stays on the calling thread when the network is small or no worker is built', async () => {
    const missing = new URL('../no-such-worker.js', import.meta.url);
    const small = communitiesInBackground(g, 9, { workerUrl: worker });
    const unbuilt = communitiesInBackground(g, 9, { minTies: 0, workerUrl: missing });
    expect(small.threaded).toBe(false);
    expect(unbuilt.threaded).toBe(false);
    expect([...(await unbuilt.result).labels]).toEqual([...here.labels]);
  });
});
