import * as z from 'zod';

// Path and query values arrive as text; these read them into the numbers and flags the use
// cases take, with messages that name the parameter.

export const idParam = (name = 'id') =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int({ error: `${name} must be a whole number` })
    .positive({ error: `${name} must be a whole number` });

export const IdParams = z.object({ id: idParam() });

export const flag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');
