import { afterAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createApp, type NigraniApp } from "../../../server/app.js";
import { testConfig } from "../../../server/config.js";
import { isStorageFault } from "../../../server/store/faults.js";
import { openPostgresStore, parseInt8 } from "../../../server/store/postgres.js";
import type { Store } from "../../../server/store/store.js";
import {
  bareTicket,
  createTestSchema,
  TEST_POSTGRES_URL,
  type TestSchema,
} from "../../support/database.js";
import { postReport } from "../../support/server.js";
import { TcpProxy } from "../../support/tcp-proxy.js";

// What only PostgreSQL has: several nodes on one database, a server that can go away, bigints.
// Always on the machine's PostgreSQL, whichever database the other suites run on.
const schemas: TestSchema[] = [];
async function freshSchema(): Promise<TestSchema> {
  const s = await createTestSchema();
  schemas.push(s);
  return s;
}
afterAll(async () => {
  for (const s of schemas) await s.drop();
});

describe("PostgreSQL store", () => {
  it("seeds an empty database once when two nodes start on it together", async () => {
    const schema = await freshSchema();
    const config = testConfig({ DATABASE_URL: schema.url, NETWORK_FEEDERS: 120 });
    const [a, b] = await Promise.all([createApp({ config }), createApp({ config })]);
    try {
      const count = async (table: "units" | "consumers" | "officers" | "users" | "api_keys") =>
        Number(
          (
            await a.store.kysely
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count("units")).toBe(a.network.units.size);
      expect(b.network.units.size).toBe(a.network.units.size);
      expect(await count("consumers")).toBe(config.NETWORK_CONSUMERS);
      expect(await count("officers")).toBe(a.officers.all().length);
      expect(b.officers.all().map((o) => o.id)).toEqual(a.officers.all().map((o) => o.id));
      expect(await count("users")).toBe(a.access.demo?.users.length);
      expect(await count("api_keys")).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("answers 503 with Retry-After while the database is unreachable, then carries on", async () => {
    const schema = await freshSchema();
    const target = new URL(TEST_POSTGRES_URL);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const via = new URL(schema.url);
    via.port = String(proxy.port);
    let app: NigraniApp | undefined;
    try {
      app = await createApp({
        config: testConfig({ DATABASE_URL: via.toString(), NETWORK_FEEDERS: 60 }),
      });
      const url = await app.listen();
      const f = app.network.feeders[3];
      const report = (text: string) =>
        postReport(url, { channel: "app", text, lat: f.lat, lon: f.lon, category: "supply_cut" });
      expect((await report("before")).status).toBe(201);

      await proxy.stop();
      const down = await fetch(`${url}/api/v1/reports`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": "demo-intake-key" },
        body: JSON.stringify({ channel: "app", text: "while down", category: "supply_cut" }),
      });
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toMatch(/^\d+$/);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(503);

      await proxy.start();
      const after = await report("after");
      expect(after.status).toBe(201);
      const texts = (await app.store.kysely.selectFrom("reports").select("text").execute()).map(
        (r) => r.text,
      );
      expect(texts.sort()).toEqual(["after", "before"]);
    } finally {
      await app?.close();
      await proxy.stop();
    }
  });

  it("gives bigints as exact numbers and refuses one that a number cannot hold", async () => {
    const schema = await freshSchema();
    const store = await openPostgresStore({
      url: schema.url,
      poolSize: 2,
      statementTimeoutMs: 1000,
    });
    try {
      const r = await sql<{
        big: number;
        n: number;
      }>`select 9007199254740991::bigint as big, sum(x)::numeric / 4 as n from (values (1), (2)) v(x)`.execute(
        store.kysely,
      );
      expect(r.rows[0]).toEqual({ big: Number.MAX_SAFE_INTEGER, n: 0.75 });
      expect(() => parseInt8("9007199254740993")).toThrow(RangeError);
      await expect(sql`select 9007199254740993::bigint`.execute(store.kysely)).rejects.toThrow(
        RangeError,
      );
      // The seeding lock waits without a timeout, then gives its connection back with the usual one.
      const release = await store.holdLock("seed");
      await release();
      // A statement past DATABASE_STATEMENT_TIMEOUT_MS is cancelled and counted a storage fault
      // (503), on each of the pool's two connections.
      const slow = await Promise.all(
        [1, 2].map(() => sql`select pg_sleep(3)`.execute(store.kysely).catch((e: unknown) => e)),
      );
      for (const err of slow) {
        expect((err as { code?: string }).code).toBe("57014");
        expect(isStorageFault(err)).toBe(true);
      }
    } finally {
      await store.close();
    }
  });

  it("writes a new ticket after its events and report, and still refuses a reference to no ticket", async () => {
    const schema = await freshSchema();
    const store = await openPostgresStore({
      url: schema.url,
      poolSize: 2,
      statementTimeoutMs: 5000,
    });
    try {
      const at = new Date().toISOString();
      const event = { type: "note", at, actor: "t", data: {} };
      // As commands write a new ticket: its events first, its row once, in one transaction.
      const id = await store.transaction(async (tx) => {
        const reserved = await tx.reserveTicketId();
        await tx.insertEvents(reserved, ["network"], [event]);
        await tx.insertTicket({ ...bareTicket(), id: reserved });
        return reserved;
      });
      expect((await store.getTicket(id))?.id).toBe(id);
      // The next reservation is a new id, whoever asks.
      const next = await store.transaction((tx) => tx.reserveTicketId());
      expect(next).toBeGreaterThan(id);
      // An event left pointing at a ticket that never came: the whole commit is refused.
      const dangling = next + 1000;
      await expect(
        store.transaction((tx) => tx.insertEvents(dangling, ["network"], [event])),
      ).rejects.toThrow(/foreign key/);
      const left = await store.kysely
        .selectFrom("ticket_events")
        .select("seq")
        .where("ticket_id", "=", dangling)
        .execute();
      expect(left).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it("looks only at its own schema when migrating, whatever other schemas come and go", async () => {
    const ours = await freshSchema();
    const theirs = await freshSchema();
    const other = await openPostgresStore({
      url: theirs.url,
      poolSize: 1,
      statementTimeoutMs: 5000,
    });
    await other.close();
    const store = await openPostgresStore({ url: ours.url, poolSize: 2, statementTimeoutMs: 5000 });
    try {
      const tables = await store.kysely.introspection.getTables();
      expect(tables.length).toBeGreaterThan(10);
      expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([ours.name]));
      expect(tables.map((t) => t.name)).toContain("tickets");
      // Another schema dropped while this store runs its migrations again: nothing to do, no error.
      await Promise.all([theirs.drop(), store.migrate()]);
    } finally {
      await store.close();
    }
  });

  it("frees the events lock of a node that stalls mid-transaction, so other writers carry on", async () => {
    const schema = await freshSchema();
    const store = await openPostgresStore({
      url: schema.url,
      poolSize: 3,
      statementTimeoutMs: 400,
    });
    try {
      // A transaction that took the events lock and then went quiet, as a paused node's would.
      const stalled = await store.startTransaction();
      let took: Awaited<ReturnType<Store["startTransaction"]>> | undefined;
      const deadline = Date.now() + 10_000;
      while (!took && Date.now() < deadline) {
        // Each try waits at most the lock timeout (a 503 to a request), then the next one tries.
        took = await store.startTransaction().catch((err: unknown) => {
          expect(isStorageFault(err)).toBe(true);
          return undefined;
        });
      }
      expect(took).toBeDefined();
      await took!.commit().execute();
      // Its session was ended, so its commit fails; rolling back gives its connection up (as the
      // writer does after a failed commit).
      await expect(stalled.commit().execute()).rejects.toThrow();
      await stalled
        .rollback()
        .execute()
        .catch(() => undefined);
    } finally {
      await store.close();
    }
  });
});
