import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBalancer, type Upstream } from "../../../server/cluster/balancer.js";
import { LiveTestClient } from "../../support/live-client.js";
import { startTestServer, type TestServer } from "../../support/server.js";
import { freePort } from "./private-redis.js";

let nodes: TestServer[];
let upstreams: Upstream[];
let balancer: Awaited<ReturnType<typeof startBalancer>>;
let url: string;

beforeAll(async () => {
  // Two nodes on one store (no Redis needed here): a session signed in on one is known to both.
  const first = await startTestServer({ keepData: true });
  nodes = [first, await startTestServer({ dataDir: first.dataDir })];
  upstreams = nodes.map((n, i) => {
    const u = new URL(n.url);
    return { name: `node-${i}`, host: u.hostname, port: Number(u.port), healthy: true };
  });
  const port = await freePort();
  balancer = await startBalancer(upstreams, port);
  url = `http://127.0.0.1:${port}`;
}, 120_000);

afterAll(async () => {
  await balancer?.close();
  for (const n of nodes ?? []) await n.close();
});

describe("the cluster script's load balancer", () => {
  it("spreads requests over the nodes and carries a live screen's WebSocket", async () => {
    for (let i = 0; i < 4; i++) expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const screen = new LiveTestClient(url);
    const ack = await screen.subscribe();
    expect(ack).toMatchObject({ ok: true, mode: "snapshot" });
    await screen.until((c) => c.snapshots === 1);
    expect(nodes.reduce((n, node) => n + node.app.hub.clientCount, 0)).toBe(1);
    screen.close();
  });

  it("skips a node that is down and answers 503 when none is up", async () => {
    // A node is down when nothing answers at its address: point it at a port nobody listens on.
    const ports = upstreams.map((u) => u.port);
    const dead = await freePort();
    const until = async (ok: () => boolean) => {
      const deadline = Date.now() + 10_000;
      while (!ok() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(ok()).toBe(true);
    };
    upstreams[0].port = dead;
    // The health probe (every second) finds it down; from then on every request goes to the other.
    await until(() => !upstreams[0].healthy);
    for (let i = 0; i < 3; i++) expect((await fetch(`${url}/healthz`)).status).toBe(200);
    upstreams[1].port = dead;
    await until(() => upstreams.every((u) => !u.healthy));
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    // Back at their addresses, the probe finds them up again within a second or so.
    upstreams.forEach((u, i) => (u.port = ports[i]));
    await until(() => upstreams.every((u) => u.healthy));
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  }, 30_000);
});
