// The intake benchmark's baseline: a minimal Fastify server with one route inserting one row, on a
// database opened by the same openDatabase (same SQLite pragmas / same PostgreSQL pool size) as the
// real server. Run as its own process: PORT, DATABASE_URL (and SQLITE_SYNCHRONOUS) from the environment.
import Fastify from 'fastify';
import { sql } from 'kysely';
import { openDatabase } from '../../server/platform/db/database.js';
import { newId } from '../../server/platform/ids.js';

const url = process.env.DATABASE_URL ?? 'sqlite::memory:';
const synchronous = process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL';
const database = await openDatabase(url, { synchronous });
await sql`create table if not exists bench_baseline (id text primary key, body text not null, created_at text not null)`.execute(
  database.db,
);

const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ status: 'ok' }));
app.post('/insert', async (req) => {
  const id = newId();
  await sql`insert into bench_baseline (id, body, created_at) values (${id}, ${JSON.stringify(req.body)}, ${new Date().toISOString()})`.execute(
    database.db,
  );
  return { id };
});
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}
