import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { CLAIM_MS, outboxSweep, type Sender } from "../../../server/outbox/dispatcher.js";
import { enqueueMessage, type OutboxRow } from "../../../server/outbox/outbox.js";
import { openSqliteStore } from "../../../server/store/sqlite.js";
import type { Store } from "../../../server/store/store.js";

const log = pino({ level: "silent" });
let store: Store;
let clock: ManualClock;

beforeEach(async () => {
  store = await openSqliteStore(":memory:");
  clock = new ManualClock("2026-12-07T06:00:00.000Z");
});
afterEach(() => store.close());

/** A sender that takes a while (so sweeps overlap) and counts what it was asked to send. */
function slowSender(sent: number[]): Sender {
  return {
    async send(msg: OutboxRow) {
      await new Promise((r) => setTimeout(r, 5));
      sent.push(msg.id);
      return { externalId: `gw-${msg.id}` };
    },
  };
}

async function queue(n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await enqueueMessage(
      store.kysely,
      {
        ticketId: null,
        channel: "sms",
        recipient: `98000000${String(i).padStart(2, "0")}`,
        kind: "ticket_ack",
        body: `message ${i}`,
      },
      clock.now().toISOString(),
    );
}

describe("outbox claims", () => {
  it("sends each message once when two nodes sweep the outbox at the same time", async () => {
    await queue(12);
    const sent: number[] = [];
    const sender = slowSender(sent);
    const a = outboxSweep(store.kysely, { sms: sender }, sender, clock, log, "node-a");
    const b = outboxSweep(store.kysely, { sms: sender }, sender, clock, log, "node-b");
    await Promise.all([a.run(), b.run(), a.run(), b.run()]);
    expect(sent.sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const rows = await store.kysely.selectFrom("outbox").selectAll().execute();
    expect(rows.every((r) => r.status === "sent" && r.claimed_by === null)).toBe(true);
  });

  it("leaves a message claimed by a node that died to another node once the claim expires", async () => {
    await queue(1);
    // Node A claimed the message and died before sending it.
    await store.kysely
      .updateTable("outbox")
      .set({
        claimed_by: "node-a",
        claimed_until: new Date(clock.now().getTime() + CLAIM_MS).toISOString(),
      })
      .execute();
    const sent: number[] = [];
    const b = outboxSweep(store.kysely, {}, slowSender(sent), clock, log, "node-b");
    await b.run();
    expect(sent).toEqual([]);
    clock.advance(CLAIM_MS + 1);
    await b.run();
    expect(sent).toEqual([1]);
    const row = await store.kysely.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe("sent");
    expect(row.external_id).toBe("gw-1");
  });

  it("takes back at once what its own previous run claimed and died holding", async () => {
    await queue(2);
    const until = new Date(clock.now().getTime() + CLAIM_MS).toISOString();
    // node-a claimed message 1 and was killed; node-b holds message 2 and is still running.
    await store.kysely
      .updateTable("outbox")
      .set({ claimed_by: "node-a", claimed_until: until })
      .where("id", "=", 1)
      .execute();
    await store.kysely
      .updateTable("outbox")
      .set({ claimed_by: "node-b", claimed_until: until })
      .where("id", "=", 2)
      .execute();
    const sent: number[] = [];
    // node-a restarts under the same name: it sends its own message now, not after CLAIM_MS.
    const restarted = outboxSweep(store.kysely, {}, slowSender(sent), clock, log, "node-a");
    await restarted.run();
    expect(sent).toEqual([1]);
    // Only on its first sweep: a later claim of its own is a send in progress, not a leftover.
    await store.kysely
      .updateTable("outbox")
      .set({ status: "pending", claimed_by: "node-a", claimed_until: until })
      .where("id", "=", 1)
      .execute();
    await restarted.run();
    expect(sent).toEqual([1]);
  });
});
