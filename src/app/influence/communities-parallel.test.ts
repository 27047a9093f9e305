import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syntheticOrg } from '../../../bench/influence-org.js';
import { buildCsr } from '../../analytics/index.js';
import { communitiesHere, communitiesOnWorker } from './communities-parallel.js';

describe('clusters in the background', () => {
  const worker = new URL('../../../dist/app/influence/communities-worker.js', import.meta.url);
  const g = buildCsr(syntheticOrg(3_000, 30_000, 4));
  const here = communitiesHere(g, 9);

  // The worker runs compiled JavaScript: `npm test` builds dist/ first.
  it.skipIf(!existsSync(fileURLToPath(worker)))(
    'finds on another thread the clusters the calling thread would, label for label',
    async () => {
      const background = communitiesOnWorker(g, 9, { minTies: 0, workerUrl: worker, spareCore: true });
      expect(background).not.toBeNull();
      const found = await background!;
      expect(found.count).toBe(here.count);
      expect(found.modularity).toBe(here.modularity);
      expect([...found.labels]).toEqual([...here.labels]);
    },
  );

  it('leaves the work to the caller when the network is small, no core is free or no worker is built', () => {
    const missing = new URL('../no-such-worker.js', import.meta.url);
    expect(communitiesOnWorker(g, 9, { workerUrl: worker, spareCore: true })).toBeNull();
    expect(communitiesOnWorker(g, 9, { minTies: 0, workerUrl: worker, spareCore: false })).toBeNull();
    expect(communitiesOnWorker(g, 9, { minTies: 0, workerUrl: missing, spareCore: true })).toBeNull();
  });
});
