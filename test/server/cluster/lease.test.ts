import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Lease } from "../../../server/cluster/lease.js";
import { PrivateRedis } from "./private-redis.js";

const log = pino({ level: "silent" });
let redis: PrivateRedis;
const clients: Redis[] = [];

beforeAll(async () => {
  redis = await PrivateRedis.start();
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis.down();
});

async function node(owner: string, key: string, ttlMs = 600): Promise<Lease> {
  const client = new Redis(redis.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 50,
  });
  client.on("error", () => undefined);
  clients.push(client);
  await new Promise((resolve) => client.once("ready", resolve));
  return new Lease(client, { key, owner, ttlMs, log });
}

const until = async (check: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("the clock's lease", () => {
  it("is held by exactly one of two nodes, and renewal keeps it there", async () => {
    const a = await node("a", "lease:one");
    const b = await node("b", "lease:one");
    a.start();
    await until(() => a.held, 2000);
    b.start();
    // Several TTLs pass: a renews, b never gets it.
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 150));
      expect([a.held, b.held]).toEqual([true, false]);
    }
    await a.stop();
    await b.stop();
  });

  it("passes to the other node within about a TTL when the holder dies", async () => {
    const a = await node("a", "lease:two");
    const b = await node("b", "lease:two");
    a.start();
    await until(() => a.held, 2000);
    b.start();
    // A dies: it stops renewing without giving the lease up (kill -9).
    clearInterval((a as unknown as { timer: NodeJS.Timeout }).timer);
    const died = Date.now();
    await until(() => b.held, 3000);
    expect(Date.now() - died).toBeLessThan(3000);
    await b.stop();
  });

  it("is given up at once on a clean stop", async () => {
    const a = await node("a", "lease:three", 30_000);
    const b = await node("b", "lease:three", 30_000);
    a.start();
    await until(() => a.held, 2000);
    await a.stop();
    await b.tick();
    expect(b.held).toBe(true);
    await b.stop();
  });

  it("stops calling itself the holder when Redis is gone for longer than the TTL", async () => {
    const a = await node("a", "lease:four");
    a.start();
    await until(() => a.held, 2000);
    await redis.down();
    await until(() => !a.held, 3000);
    await redis.up();
    await until(() => a.held, 5000);
    await a.stop();
  });
});
