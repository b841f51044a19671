import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPEN_STATUSES } from "../../../shared/domain.js";
import { startChildServer, type ChildServer } from "../../support/child-server.js";
import { LiveTestClient } from "../../support/live-client.js";
import { signIn } from "../../support/auth.js";
import { apiJson, postReport } from "../../support/server.js";
import { startFakeGateway } from "../outbox/fake-gateway.js";
import { createTestSchema, type TestSchema } from "../../support/database.js";
import { freePort, PrivateRedis } from "./private-redis.js";

/**
 * Two real nodes (server/index.ts in child processes) on one store and a Redis of the test's own,
 * which the last test stops and starts again. The store is the machine's PostgreSQL (a schema of
 * the test's own), as a deployment runs; CLUSTER_TEST_DATABASE=sqlite puts both nodes on one
 * shared SQLite file instead (WAL lets both in), as `npm run cluster` does by default.
 */
const ON_SQLITE = process.env.CLUSTER_TEST_DATABASE === "sqlite";
let schema: TestSchema | null = null;
let redis: PrivateRedis;
let gateway: Awaited<ReturnType<typeof startFakeGateway>>;
let dataDir: string;
const nodes: Record<string, ChildServer> = {};
const ports: Record<string, number> = {};
const clients: LiveTestClient[] = [];
let feeders: Array<{ id: string; lat: number; lon: number }> = [];
let phone = 9800000000;

async function startNode(name: "a" | "b", id: string = name): Promise<ChildServer> {
  ports[name] ??= await freePort();
  nodes[name] = await startChildServer(dataDir, ports[name], {
    // Development mode runs the clock's sweep (test mode leaves it to the tests).
    NODE_ENV: "development",
    REDIS_URL: redis.url,
    ...(schema ? { DATABASE_URL: schema.url } : {}),
    NODE_ID: id,
    SWEEP_INTERVAL_MS: "200",
    LEASE_TTL_MS: "1500",
    CLUSTER_GAP_WAIT_MS: "300",
    // Screens' byte budget out of the way: the feed then carries every report at this test's pace.
    LIVE_BYTES_PER_SECOND: "10000000",
    SMS_GATEWAY_URL: `${gateway.url}/v1/sms`,
    SMS_GATEWAY_TOKEN: "fake-gateway-token",
    SMS_DLT_ENTITY_ID: "1201160000000000001",
    SMS_DLT_TEMPLATES: "ticket_ack=1207161000000000001,feedback_request=1207161000000000002",
  });
  return nodes[name];
}

/** Reads the nodes' store directly (SQL written for both dialects; `?` placeholders). */
async function query<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  if (!schema) {
    const db = new BetterSqlite3(path.join(dataDir, "nigrani.sqlite"), { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: schema.url });
  await client.connect();
  try {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    // Counts and ids as numbers, as the store itself reads them.
    const rows = (await client.query(text, params)).rows as Record<string, unknown>[];
    return rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          typeof v === "string" && /^\d+$/.test(v) && /^(n|m|id|seq)$/.test(k) ? Number(v) : v,
        ]),
      ),
    ) as T[];
  } finally {
    await client.end();
  }
}

const maxSeq = async () =>
  (await query<{ m: number | null }>("select max(seq) as m from ticket_events"))[0].m ?? 0;

async function report(node: ChildServer, i: number, text = "bijli nahi hai"): Promise<string> {
  const f = feeders[(i * 7) % feeders.length];
  const res = await postReport(node.url, {
    channel: "app",
    text: `${text} ${i}`,
    category: i % 3 ? "supply_cut" : "pole_wire",
    lat: f.lat,
    lon: f.lon,
    phone: String(phone++),
  });
  if (res.status !== 201) throw new Error(`report answered ${res.status}`);
  return res.body.ticket!.number;
}

function screen(node: ChildServer): LiveTestClient {
  const c = new LiveTestClient(node.url);
  clients.push(c);
  return c;
}

/** Ticket numbers of the "created" events a screen received, in order. */
const created = (c: LiveTestClient) =>
  c.events.filter((e) => e.type === "created").map((e) => e.ticketNumber);

async function metric(node: ChildServer, name: string): Promise<number> {
  const text = await (await fetch(`${node.url}/metrics`)).text();
  const m = new RegExp(`^${name} (\\S+)$`, "m").exec(text);
  return m ? Number(m[1]) : NaN;
}

async function eventually(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Counts a fresh screen on the node is given (its snapshot), without zero entries. */
async function freshCounts(node: ChildServer) {
  const c = screen(node);
  await c.subscribe();
  await c.until((x) => x.snapshots === 1);
  c.close();
  return { seq: c.seq, ...c.nonZero() };
}

beforeAll(async () => {
  redis = await PrivateRedis.start();
  gateway = await startFakeGateway({
    otherwise: (n) => ({ status: 202, body: { id: `gw-${n}`, accepted: true } }),
  });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-cluster-"));
  if (!ON_SQLITE) schema = await createTestSchema();
  // One after the other: the first seeds the empty store (network, officers, demo users).
  await startNode("a");
  await startNode("b");
  feeders = await query("select id, lat, lon from units where kind = 'feeder' order by id");
}, 300_000);

afterAll(async () => {
  for (const c of clients) c.close();
  for (const n of Object.values(nodes)) await n.stop();
  await gateway?.close();
  await redis?.down();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  await schema?.drop();
});

describe(`two nodes joined by Redis, on ${ON_SQLITE ? "one SQLite file" : "PostgreSQL"}`, () => {
  it("a report posted to node A reaches a screen on node B, and both count alike", async () => {
    const onA = screen(nodes.a);
    const onB = screen(nodes.b);
    await onA.subscribe();
    await onB.subscribe();
    const toA: string[] = [];
    const toB: string[] = [];
    for (let i = 0; i < 12; i++) {
      toA.push(await report(nodes.a, i));
      toB.push(await report(nodes.b, 100 + i));
    }
    const all = [...toA, ...toB];
    const seq = await maxSeq();
    await onA.until((c) => c.seq === seq);
    await onB.until((c) => c.seq === seq);
    expect(onA.nonZero()).toEqual(onB.nonZero());
    expect(onA.nonZero().units.network).toBe(all.length);
    const [a, b] = await Promise.all([freshCounts(nodes.a), freshCounts(nodes.b)]);
    expect(a).toEqual(b);
    expect(a).toEqual({ seq, ...onA.nonZero() });
    // Each screen's feed had no report twice and none that was not filed; the feed is capped per
    // update (FEED_PER_UPDATE), and the reports left out were counted as `moreEvents`.
    for (const c of [onA, onB]) {
      const seen = created(c);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.every((n) => all.includes(n))).toBe(true);
      const more = c.deltas.reduce((n, d) => n + (d.delta.moreEvents ?? 0), 0);
      expect(more).toBeGreaterThanOrEqual(all.length - seen.length);
    }
    // One more, on its own: it is on B's screen as soon as it is on A's.
    const one = await report(nodes.a, 200);
    await onB.until((c) => created(c).includes(one), 5000);
  }, 60_000);

  it("signing out on node A closes that session's screens on node B", async () => {
    const session = await signIn(nodes.a.url, "control");
    const onB = new LiveTestClient(nodes.b.url, undefined, null, { cookie: session.cookie });
    clients.push(onB);
    expect(await onB.subscribe()).toMatchObject({ ok: true });
    const closed = new Promise<string>((resolve) => onB.socket.once("disconnect", resolve));
    const res = await fetch(`${nodes.a.url}/api/v1/session`, {
      method: "DELETE",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrf },
    });
    expect(res.status).toBe(204);
    expect(await closed).toBe("io server disconnect");
  }, 30_000);

  it("a key made or revoked on node A, and a number published there, hold on node B at once", async () => {
    const made = await apiJson<{ key: { id: number }; secret: string }>(
      nodes.a.url,
      "/api/v1/keys",
      "POST",
      { name: "cluster test", channels: ["app"], ratePerMinute: 600 },
    );
    expect(made.status).toBe(201);
    const f = feeders[3];
    const file = (node: ChildServer, i: number) =>
      fetch(`${node.url}/api/v1/reports`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": made.body.secret },
        body: JSON.stringify({
          channel: "app",
          text: `key test ${i}`,
          category: "supply_cut",
          lat: f.lat,
          lon: f.lon,
          phone: String(phone++),
        }),
      }).then((r) => r.status);
    // B had read its keys before this one was made (the reports above).
    await eventually(async () => (await file(nodes.b, 1)) === 201);
    expect((await apiJson(nodes.a.url, `/api/v1/keys/${made.body.key.id}`, "DELETE")).status).toBe(
      204,
    );
    await eventually(async () => (await file(nodes.b, 2)) === 401, 3000);

    const unit = feeders[5].id;
    const put = await apiJson(nodes.a.url, `/api/v1/fuse-call-centres/${unit}`, "PUT", {
      phone: "0522-2287000",
    });
    expect(put.status).toBe(200);
    await eventually(async () => {
      const { body } = await apiJson<{ centres: Array<{ unitId: string; phone: string }> }>(
        nodes.b.url,
        `/api/v1/fuse-call-centres?unit=${unit}`,
        "GET",
      );
      return body.centres.some((c) => c.unitId === unit && c.phone === "0522-2287000");
    }, 3000);
  }, 30_000);

  it("a shutdown scheduled or cancelled on node A is in node B's public feed at once", async () => {
    const outagesOn = async (node: ChildServer) => {
      const res = await fetch(`${node.url}/api/v1/public/outages`);
      return ((await res.json()) as { outages: Array<{ id: string }> }).outages.map((o) => o.id);
    };
    // B keeps its feed (30 s at most) from here on.
    await outagesOn(nodes.b);
    const scheduled = await apiJson<{ shutdown: { id: string } }>(
      nodes.a.url,
      "/api/v1/shutdowns",
      "POST",
      {
        feederIds: [feeders[9].id],
        reason: "Line maintenance",
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    );
    expect(scheduled.status).toBe(201);
    const id = scheduled.body.shutdown.id;
    await eventually(async () => (await outagesOn(nodes.b)).includes(id), 3000);
    const cancelled = await apiJson(nodes.a.url, `/api/v1/shutdowns/${id}/cancel`, "POST");
    expect(cancelled.status).toBe(200);
    await eventually(async () => !(await outagesOn(nodes.b)).includes(id), 3000);
  }, 30_000);

  it("runs the clock on one node: settings reach every node, each escalation and message happens once", async () => {
    const leaders = [
      await metric(nodes.a, "nigrani_cluster_leader"),
      await metric(nodes.b, "nigrani_cluster_leader"),
    ];
    expect(leaders.sort()).toEqual([0, 1]);
    // Set on A: B must use it for the next ticket it creates (its cached settings were reloaded).
    const { body } = await apiJson<{ settings: { slaLimits: Array<Record<string, unknown>> } }>(
      nodes.a.url,
      "/api/v1/settings",
      "GET",
    );
    const defaults = body.settings.slaLimits;
    const second = 1 / 3600;
    const fast = defaults.map((l) => ({
      ...l,
      aClassHours: second,
      urbanHours: second,
      ruralHours: second,
    }));
    expect(
      (await apiJson(nodes.a.url, "/api/v1/settings", "PUT", { slaLimits: fast })).status,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    const number = await report(nodes.b, 500, "transformer jal gaya");
    const [ticket] = await query<{ id: number; created_at: string; due_at: string }>(
      "select id, created_at, due_at from tickets where number = ?",
      number,
    );
    expect(Date.parse(ticket.due_at) - Date.parse(ticket.created_at)).toBe(1000);
    // Due a second later: the node holding the lease escalates it once (the next step is an hour
    // away), however many nodes sweep.
    const escalations = async () =>
      (
        await query<{ data: string }>(
          "select data from ticket_events where ticket_id = ? and type = 'escalated' order by seq",
          ticket.id,
        )
      ).map((e) => (JSON.parse(e.data) as { level: number }).level);
    await eventually(async () => (await escalations()).length > 0, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await escalations()).toEqual([1]);
    expect(
      (await apiJson(nodes.b.url, "/api/v1/settings", "PUT", { slaLimits: defaults })).status,
    ).toBe(200);

    // Every acknowledgement so far goes out once, though both nodes could reach the gateway.
    await eventually(
      async () =>
        (
          await query<{ n: number }>(
            "select count(*) as n from outbox where channel = 'sms' and kind = 'ticket_ack' and status = 'pending'",
          )
        )[0].n === 0,
    );
    const sent = (
      await query<{ id: number }>(
        "select id from outbox where channel = 'sms' and kind = 'ticket_ack' and status = 'sent'",
      )
    ).map((r) => `outbox-${r.id}`);
    expect(sent.length).toBeGreaterThanOrEqual(25);
    const references = gateway.requests.map(
      (r) => (JSON.parse(r.body) as { reference: string }).reference,
    );
    expect(new Set(references).size).toBe(references.length);
    expect([...references].sort()).toEqual([...sent].sort());
  }, 90_000);

  it("kill -9 of a node mid-stream: its screens resume on the other with nothing missed or doubled", async () => {
    const victim = screen(nodes.a);
    await victim.subscribe();
    const acknowledged: string[] = [];
    let streaming = true;
    const stream = (async () => {
      for (let i = 1000; streaming; i++) {
        try {
          acknowledged.push(await report(nodes.a, i));
          // A steady stream, within what a screen's feed carries (FEED_PER_UPDATE per update).
          await new Promise((r) => setTimeout(r, 40));
        } catch {
          return; // the node is gone
        }
      }
    })();
    await eventually(() => acknowledged.length >= 15);
    await nodes.a.kill9();
    streaming = false;
    await stream;
    await victim.until(() => !victim.socket.connected, 5000);

    // The screen reconnects through the load balancer to B, asking for what it missed.
    const resumed = screen(nodes.b);
    Object.assign(resumed, {
      seq: victim.seq,
      units: victim.units,
      districts: victim.districts,
      feeders: victim.feeders,
      events: [...victim.events],
    });
    const ack = await resumed.subscribe(victim.seq);
    expect(ack).toMatchObject({ ok: true });
    const after: string[] = [];
    for (let i = 0; i < 5; i++) after.push(await report(nodes.b, 2000 + i));
    const expected = [...acknowledged, ...after];
    await resumed.until((c) => expected.every((n) => created(c).includes(n)), 15_000);
    const numbers = created(resumed);
    expect(new Set(numbers).size).toBe(numbers.length);
    const seqs = resumed.events.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const { seq, ...fresh } = await freshCounts(nodes.b);
    await resumed.until((c) => c.seq >= seq, 15_000);
    expect(fresh).toEqual(resumed.nonZero());
    // The clock is B's now, within a few seconds.
    await eventually(async () => (await metric(nodes.b, "nigrani_cluster_leader")) === 1, 10_000);
  }, 120_000);

  it("Redis down: each node serves its own screens, and both catch up when it returns", async () => {
    await startNode("a", "a2");
    const onA = screen(nodes.a);
    const onB = screen(nodes.b);
    await onA.subscribe();
    await onB.subscribe();
    await redis.down();
    const fromA = [await report(nodes.a, 3000), await report(nodes.a, 3001)];
    const fromB = [await report(nodes.b, 3100), await report(nodes.b, 3101)];
    // Still live for what each node writes itself.
    await onA.until((c) => fromA.every((n) => created(c).includes(n)));
    await onB.until((c) => fromB.every((n) => created(c).includes(n)));
    expect(fromB.some((n) => created(onA).includes(n))).toBe(false);

    await redis.up();
    // Both nodes missed the other's reports: each reads them from the store.
    await eventually(async () => (await metric(nodes.b, "nigrani_cluster_catchups")) >= 1);
    await eventually(async () => (await metric(nodes.a, "nigrani_cluster_catchups")) >= 1);
    const seq = await maxSeq();
    await onA.until((c) => c.seq === seq, 20_000);
    await onB.until((c) => c.seq === seq, 20_000);
    expect(onA.nonZero()).toEqual(onB.nonZero());
    const [a, b] = await Promise.all([freshCounts(nodes.a), freshCounts(nodes.b)]);
    expect(a).toEqual(b);
    expect(a).toEqual({ seq, ...onA.nonZero() });
    const open = (
      await query<{ n: number }>(
        `select count(*) as n from tickets where status in (${OPEN_STATUSES.map(() => "?").join(", ")})`,
        ...OPEN_STATUSES,
      )
    )[0].n;
    expect(a.units.network).toBe(open);
    // And the cluster is whole again: a report on B reaches A's screen as an event.
    const later = await report(nodes.b, 3200);
    await onA.until((c) => created(c).includes(later), 10_000);
  }, 120_000);
});
