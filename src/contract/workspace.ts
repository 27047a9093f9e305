import { z } from 'zod';

export const DemoInput = z
  .object({
    /** The generator's seed: the same seed gives the same organisation. */
    seed: z
      .number({ error: (iss) => `seed must be a whole number; got ${JSON.stringify(iss.input)}.` })
      .int({ error: (iss) => `seed must be a whole number; got ${JSON.stringify(iss.input)}.` })
      .optional(),
  })
  .default({});
export type DemoInput = z.input<typeof DemoInput>;
