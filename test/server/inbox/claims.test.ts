import { randomUUID } from "node:crypto";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLAIM_MS } from "../../../server/inbox/claims.js";
import { Inbox, type MessageHandler } from "../../../server/inbox/inbox.js";
import type { Store } from "../../../server/store/store.js";
import { openTestStore, TEST_DATABASE } from "../../support/database.js";

// Two "nodes": two connections (two pools on PostgreSQL) to one store, each with its own worker,
// as two processes of a cluster would have. Runs on SQLite and, in the "postgres" project, on
// PostgreSQL.
const log = pino({ level: "silent" });
const LANE = ["single", "batch"];
let nodeA: Store;
let nodeB: Store;
let drop: () => Promise<void>;
const workers: Inbox[] = [];

beforeEach(async () => {
  const key = `inbox-claims-${randomUUID()}`;
  ({ store: nodeA, drop } = await openTestStore(key));
  ({ store: nodeB } = await openTestStore(key));
});
afterEach(async () => {
  for (const w of workers.splice(0)) await w.close();
  await nodeA.close();
  await nodeB.close();
  await drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function worker(store: Store, owner: string, now: () => Date = () => new Date()): Inbox {
  const w = new Inbox(store.kysely, log, LANE, now, owner);
  workers.push(w);
  return w;
}

interface Message {
  delivery: string;
  index: number;
}

/** A delivery of the "batch" channel: `n` messages, each from its own consumer. */
const batch = (delivery: string, n: number) =>
  JSON.stringify(Array.from({ length: n }, (_, index) => ({ delivery, index })));

/** A per-message handler that records which node processed which message; `gate` can hold some. */
function recordingMessages(
  seen: string[],
  owner: string,
  gate?: { from: number; open: Promise<void>; waiting?: number[] },
): MessageHandler {
  return {
    split: (body) => ({ messages: JSON.parse(body) as Message[] }),
    keyOf: (m) => `${(m as Message).delivery}/${(m as Message).index}`,
    async process(m) {
      const { delivery, index } = m as Message;
      if (gate && index >= gate.from) {
        gate.waiting?.push(index);
        await gate.open;
      }
      await sleep(0);
      seen.push(`${owner} ${delivery}/${index}`);
    },
  };
}

const inboxRows = (store: Store) =>
  store.kysely.selectFrom("inbox").selectAll().orderBy("id").execute();

describe(`inbox claims on ${TEST_DATABASE}`, () => {
  it("two nodes working one inbox at once process each delivery, and each message, exactly once", async () => {
    const seen: string[] = [];
    const a = worker(nodeA, "node-a");
    const b = worker(nodeB, "node-b");
    for (const [w, owner] of [
      [a, "node-a"],
      [b, "node-b"],
    ] as const) {
      // A delivery of the "single" channel takes a while and saves its progress once.
      w.handle("single", async (body, progress) => {
        await sleep(15);
        await progress({ half: true });
        await sleep(15);
        seen.push(`${owner} ${body}`);
        return { ok: true };
      });
      w.handleMessages("batch", recordingMessages(seen, owner));
    }
    // Stored through either node, as the load balancer would spread the webhooks.
    for (let i = 0; i < 10; i++) await (i % 2 ? b : a).receive("single", `s${i}`);
    for (let i = 0; i < 4; i++) await (i % 2 ? a : b).receive("batch", batch(`b${i}`, 150));
    a.kick();
    b.kick();
    await Promise.all([a.whenIdle(), b.whenIdle()]);
    // Deliveries stored after a node went idle are taken up on its next kick (the sweep's).
    a.kick();
    b.kick();
    await Promise.all([a.whenIdle(), b.whenIdle()]);

    const work = seen.map((s) => s.split(" ")[1]);
    const expected = [
      ...Array.from({ length: 10 }, (_, i) => `s${i}`),
      ...Array.from({ length: 4 }, (_, d) =>
        Array.from({ length: 150 }, (_, m) => `b${d}/${m}`),
      ).flat(),
    ];
    // Every delivery and message processed, none twice.
    expect(work.length).toBe(expected.length);
    expect(new Set(work)).toEqual(new Set(expected));
    // Both nodes took part, and each delivery was worked through by one node only.
    const byNode = (owner: string) => seen.filter((s) => s.startsWith(`${owner} `)).length;
    expect(byNode("node-a")).toBeGreaterThan(0);
    expect(byNode("node-b")).toBeGreaterThan(0);
    const nodesOf = new Map<string, Set<string>>();
    for (const s of seen) {
      const [owner, item] = s.split(" ");
      const delivery = item.split("/")[0];
      nodesOf.set(delivery, (nodesOf.get(delivery) ?? new Set()).add(owner));
    }
    expect([...nodesOf.values()].every((owners) => owners.size === 1)).toBe(true);
    const rows = await inboxRows(nodeA);
    expect(rows).toHaveLength(14);
    for (const row of rows) {
      expect(row.status).toBe("done");
      expect(row.attempts).toBe(1);
      expect(row.claimed_by).toBeNull();
      expect(row.claimed_until).toBeNull();
    }
  });

  it("leaves a delivery claimed by a node that died to another once the claim lapses, which resumes from its saved progress", async () => {
    let openGate = () => {};
    const open = new Promise<void>((resolve) => (openGate = resolve));
    const seenA: string[] = [];
    const a = worker(nodeA, "node-a");
    // Node A works through the first window of 64 messages, saves its progress, then hangs: dead.
    a.handleMessages("batch", recordingMessages(seenA, "node-a", { from: 64, open }));
    const id = await a.receive("batch", batch("big", 150));
    const messagesDone = async () =>
      (
        await nodeB.kysely
          .selectFrom("inbox")
          .select("messages_done")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).messages_done;
    for (let i = 0; i < 500 && (await messagesDone()) === 0; i++) await sleep(10);
    expect(await messagesDone()).toBe(64);
    expect(seenA).toHaveLength(64);

    let later = 0;
    const seenB: string[] = [];
    const b = worker(nodeB, "node-b", () => new Date(Date.now() + later));
    b.handleMessages("batch", recordingMessages(seenB, "node-b"));
    // While A's claim holds, B leaves the delivery alone.
    b.kick();
    await b.whenIdle();
    expect(seenB).toEqual([]);
    const held = (await inboxRows(nodeB))[0];
    expect(held.status).toBe("pending");
    expect(held.claimed_by).toBe("node-a");

    // Past the claim's expiry B takes it over and goes on after the 64 messages A saved.
    later = CLAIM_MS + 1000;
    b.kick();
    await b.whenIdle();
    expect(seenB).toEqual(Array.from({ length: 86 }, (_, i) => `node-b big/${64 + i}`));
    const finished = (await inboxRows(nodeB))[0];
    expect(finished.status).toBe("done");
    expect(finished.messages_done).toBe(150);
    expect(finished.attempts).toBe(1);
    expect(finished.claimed_by).toBeNull();
    expect(JSON.parse(finished.summary!)).toEqual({ messages: 150, failed: 0 });

    // A comes back to life mid-window: its claim is gone, so it writes nothing over B's outcome.
    openGate();
    await a.whenIdle();
    expect(await inboxRows(nodeA)).toEqual([finished]);
  });

  it("hands a delivery back at once when its node shuts down mid-delivery, without counting a try", async () => {
    let openGate = () => {};
    const open = new Promise<void>((resolve) => (openGate = resolve));
    const seenA: string[] = [];
    const atGate: number[] = [];
    const a = worker(nodeA, "node-a");
    a.handleMessages(
      "batch",
      recordingMessages(seenA, "node-a", { from: 64, open, waiting: atGate }),
    );
    const id = await a.receive("batch", batch("stop", 150));
    // Until the second window's messages are held at the gate (not merely the first window seen).
    for (let i = 0; i < 500 && atGate.length < 64; i++) await sleep(10);
    // A is asked to stop while its second window is in flight: it finishes that window, then stops.
    const closing = a.close();
    openGate();
    await closing;
    const handedBack = (await inboxRows(nodeB))[0];
    expect(Number(handedBack.id)).toBe(id);
    expect(handedBack).toMatchObject({
      status: "pending",
      attempts: 0,
      messages_done: 128,
      claimed_by: null,
      claimed_until: null,
    });
    // B takes it at once (no claim to wait for) and goes on from message 128.
    const seenB: string[] = [];
    const b = worker(nodeB, "node-b");
    b.handleMessages("batch", recordingMessages(seenB, "node-b"));
    b.kick();
    await b.whenIdle();
    expect(seenB).toEqual(Array.from({ length: 22 }, (_, i) => `node-b stop/${128 + i}`));
    expect((await inboxRows(nodeB))[0]).toMatchObject({ status: "done", attempts: 1 });
  });

  it("lets a restarted node take back the delivery it had claimed at once, without waiting for the claim to lapse", async () => {
    const seen: string[] = [];
    const before = worker(nodeA, "node-a");
    const id = await nodeA.kysely
      .insertInto("inbox")
      .values({
        channel: "single",
        received_at: new Date().toISOString(),
        body: "left",
        status: "pending",
        attempts: 0,
        // Claimed by this node before kill -9: the claim has most of its time still to run.
        claimed_by: "node-a",
        claimed_until: new Date(Date.now() + CLAIM_MS).toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await before.close();
    const other = worker(nodeB, "node-b");
    const restarted = worker(nodeA, "node-a");
    for (const [w, owner] of [
      [other, "node-b"],
      [restarted, "node-a"],
    ] as const)
      w.handle("single", async (body) => {
        seen.push(`${owner} ${body}`);
        return { ok: true };
      });
    other.kick();
    await other.whenIdle();
    expect(seen).toEqual([]);
    restarted.kick();
    await restarted.whenIdle();
    expect(seen).toEqual(["node-a left"]);
    const row = (await inboxRows(nodeA))[0];
    expect(Number(row.id)).toBe(Number(id.id));
    expect(row.status).toBe("done");
  });

  it("stops a worker whose store fails with a logged error, not a crash, and starts again on the next kick", async () => {
    const lines: string[] = [];
    const capture = pino({ level: "error" }, { write: (line: string) => void lines.push(line) });
    const key = `inbox-claims-down-${randomUUID()}`;
    const down = await openTestStore(key);
    const w = new Inbox(down.store.kysely, capture, LANE, () => new Date(), "node-c");
    // The store goes away under the worker (database down): its claim query fails.
    await down.store.close();
    w.kick();
    await w.whenIdle();
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual([
      "inbox: worker stopped; the next sweep retries",
    ]);
    // Not left "running": a later kick tries again (and fails again while the store is away).
    w.kick();
    await w.whenIdle();
    expect(lines).toHaveLength(2);
    await w.close();
    await down.drop();
  });
});
