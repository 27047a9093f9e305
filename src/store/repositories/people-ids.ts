import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';

/**
 * `n` new people ids from PostgreSQL's sequence, in order. The sequence is looked up once per
 * call (an InitPlan), not once per id: per id, the catalog lookup was 2.7 s of the server's 30 s
 * in a million-row org chart import.
 */
export async function drawPeopleIds(db: Kysely<Database>, n: number): Promise<number[]> {
  const drawn = await sql<{ id: number }>`
    with s as materialized (select pg_get_serial_sequence('people', 'id')::regclass as seq)
    select nextval((select seq from s))::int as id from generate_series(1, ${n}::int)`.execute(db);
  return drawn.rows.map((r) => r.id);
}
