/**
 * The two-node fan-out figure: two nodes (server/index.ts in child processes) on one store and
 * Redis, screens split between them, reports posted to both in turn at `rate` a second. For every
 * (report, screen) pair: the time from the POST's send to the first delta at or past the report's
 * seq on that screen, split by whether the screen is on the node that took the report (same node:
 * the single-node path, measured in the same run as the raw limit) or on the other (cross node:
 * through Redis and the other node's sequencer). `exact`: every screen's open count equals the
 * store's at the end. Run alone with `npx tsx test/bench/cluster.ts`, or as part of `npm run bench`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { startChildServer, type ChildServer } from "../support/child-server.js";
import { signIn } from "../support/auth.js";
import { LiveTestClient } from "../support/live-client.js";
import { postReport } from "../support/server.js";
import { freePort } from "../server/cluster/private-redis.js";
import { round, pct } from "./stats.js";
import { OPEN_STATUSES } from "../../shared/domain.js";

export interface ClusterFanout {
  screens: number;
  rate: number;
  reports: number;
  same_node_p50_ms: number;
  same_node_p99_ms: number;
  cross_node_p50_ms: number;
  cross_node_p99_ms: number;
  /** cross-node p99 over same-node p99: what the second node costs a screen. */
  ratio_p99: number;
  exact: boolean;
}

export async function clusterFanout(opts: {
  redisUrl: string;
  screensPerNode: number;
  rate: number;
  seconds: number;
}): Promise<ClusterFanout> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-bench-cluster-"));
  const nodes: ChildServer[] = [];
  const screens: Array<{ node: number; client: LiveTestClient }> = [];
  try {
    const env = {
      REDIS_URL: opts.redisUrl,
      // Its own keys and channels: the bench never talks to another cluster on the same Redis.
      CLUSTER_NAME: `bench-${process.pid}`,
      NETWORK_FEEDERS: "3000",
      NETWORK_CONSUMERS: "20000",
    };
    for (const id of ["a", "b"])
      nodes.push(await startChildServer(dataDir, await freePort(), { ...env, NODE_ID: id }));
    const cookie = (await signIn(nodes[0].url, "control")).cookie;
    for (let i = 0; i < opts.screensPerNode * 2; i++) {
      const node = i % 2;
      const client = new LiveTestClient(nodes[node].url, undefined, null, { cookie });
      screens.push({ node, client });
    }
    await Promise.all(screens.map((s) => s.client.subscribe()));
    const feeders = readFeeders(dataDir);
    const sent: Array<{ node: number; seq: number; at: number }> = [];
    const n = Math.round(opts.rate * opts.seconds);
    const t0 = Date.now();
    const pending: Array<Promise<void>> = [];
    for (let i = 0; i < n; i++) {
      const wait = t0 + (i * 1000) / opts.rate - Date.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const node = i % 2;
      const f = feeders[(i * 37) % feeders.length];
      const at = Date.now();
      pending.push(
        postReport(nodes[node].url, {
          channel: "app",
          text: `bijli nahi hai ${i}`,
          category: "supply_cut",
          lat: f.lat,
          lon: f.lon,
        }).then((res) => {
          const seq = (res.body.ticket as { seq?: number } | undefined)?.seq;
          if (res.status === 201 && seq !== undefined) sent.push({ node, seq, at });
        }),
      );
    }
    await Promise.all(pending);
    const achieved = sent.length / ((Date.now() - t0) / 1000);
    const lastSeq = Math.max(...sent.map((s) => s.seq));
    await Promise.all(screens.map((s) => s.client.until((c) => c.seq >= lastSeq, 60_000)));
    const same: number[] = [];
    const cross: number[] = [];
    for (const s of screens) {
      const arrivals = s.client.deltas.map((d) => ({ seq: d.delta.seq, at: d.at }));
      for (const r of sent) {
        const first = arrivals.find((a) => a.seq >= r.seq);
        if (first) (r.node === s.node ? same : cross).push(first.at - r.at);
      }
    }
    // Settled: every screen's count against the store's.
    await new Promise((r) => setTimeout(r, 1500));
    const open = openInStore(dataDir);
    const exact = screens.every((s) => s.client.open("network") === open);
    return {
      screens: screens.length,
      rate: round(achieved),
      reports: sent.length,
      same_node_p50_ms: round(pct(same, 0.5)),
      same_node_p99_ms: round(pct(same, 0.99)),
      cross_node_p50_ms: round(pct(cross, 0.5)),
      cross_node_p99_ms: round(pct(cross, 0.99)),
      ratio_p99: round(pct(cross, 0.99) / pct(same, 0.99)),
      exact,
    };
  } finally {
    for (const s of screens) s.client.close();
    for (const node of nodes) await node.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function readFeeders(dataDir: string): Array<{ lat: number; lon: number }> {
  const db = new BetterSqlite3(path.join(dataDir, "nigrani.sqlite"), { readonly: true });
  try {
    return db
      .prepare("select lat, lon from units where kind = 'feeder' order by id")
      .all() as Array<{
      lat: number;
      lon: number;
    }>;
  } finally {
    db.close();
  }
}

function openInStore(dataDir: string): number {
  const db = new BetterSqlite3(path.join(dataDir, "nigrani.sqlite"), { readonly: true });
  try {
    const row = db
      .prepare(
        `select count(*) as n from tickets where status in (${OPEN_STATUSES.map(() => "?").join(", ")})`,
      )
      .get(...OPEN_STATUSES) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes("--quick");
  clusterFanout({
    redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    screensPerNode: Number(process.env.BENCH_CLUSTER_SCREENS ?? (quick ? 25 : 100)),
    rate: Number(process.env.BENCH_CLUSTER_RATE ?? (quick ? 20 : 40)),
    seconds: Number(process.env.BENCH_CLUSTER_S ?? (quick ? 8 : 15)),
  }).then(
    (figure) => console.log(JSON.stringify({ cluster_fanout: figure })),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
