/**
 * `npm run bench`: Nigrani's speed, each figure beside the raw limit measured in the same run, so
 * the ratios mean something on any machine. The last line printed is one JSON object.
 *
 * - intake: reports filed per second through the real pipeline (triage, group commit with
 *   synchronous=FULL, projections, live) against raw SQLite commits per second with the same
 *   durability (the fsync bound);
 * - HTTP: POST /api/v1/reports end to end against the in-process rate;
 * - live: time from a report's commit to the delta on 100 subscribed screens, against a bare
 *   Socket.IO broadcast to the same 100 sockets;
 * - categoriser: model load time, and throughput against feature extraction alone; network generation and snapshot build at 20,000 feeders.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { io as connect, type Socket } from "socket.io-client";
import { createApp } from "../../server/app.js";
import { testConfig } from "../../server/config.js";
import { ingestReport } from "../../server/intake/ingest.js";
import { generateConsumers, generateNetwork } from "../../server/network/generate.js";
import { FeederIndex } from "../../server/network/feeder-index.js";
import { generateReports } from "../../server/sim/index.js";
import { categorise } from "../../server/triage/categorise.js";
import { extractFeatures } from "../../server/triage/features.js";
import { buildSnapshot } from "../../server/live/sync.js";
import { RecentChanges } from "../../server/live/recent-changes.js";
import type { ReportInput } from "../../shared/schemas.js";

const FEEDERS = Number(process.env.BENCH_FEEDERS ?? 20_000);
const REPORTS = Number(process.env.BENCH_REPORTS ?? 3000);
const SCREENS = Number(process.env.BENCH_SCREENS ?? 100);
const figures: Record<string, number | string> = {};
const log = (k: string, v: number | string, unit = "") => {
  figures[k] = typeof v === "number" ? Math.round(v * 100) / 100 : v;
  console.log(`${k.padEnd(36)} ${typeof v === "number" ? v.toFixed(2) : v} ${unit}`);
};
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `nigrani-bench-${name}-`));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

function rawCommitsPerSecond(n: number): number {
  const dir = tmp("raw");
  const db = new BetterSqlite3(path.join(dir, "raw.sqlite"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec("create table r (id integer primary key, body text)");
  const insert = db.prepare("insert into r (body) values (?)");
  const t0 = performance.now();
  for (let i = 0; i < n; i++) db.transaction(() => insert.run(`report ${i}`))();
  const s = (performance.now() - t0) / 1000;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return n / s;
}

async function main(): Promise<void> {
  console.log(`Nigrani benchmark: ${FEEDERS} feeders, ${REPORTS} reports, ${SCREENS} screens, ${os.cpus().length} cores`);
  let t0 = performance.now();
  const units = generateNetwork({ seed: 2017, feeders: FEEDERS });
  log("network_generate_ms", performance.now() - t0, "ms");
  log("network_units", units.length);
  t0 = performance.now();
  let consumers = 0;
  for (const c of generateConsumers(units, { seed: 2017, count: 200_000 })) if (c.account) consumers++;
  log("consumers_generate_200k_ms", performance.now() - t0, "ms");
  const index = new FeederIndex(units.filter((u) => u.kind === "feeder"));
  t0 = performance.now();
  for (let i = 0; i < 100_000; i++) index.nearest(24 + (i % 600) / 100, 78 + (i % 1000) / 100, 25);
  log("nearest_feeder_per_s", 100_000 / ((performance.now() - t0) / 1000), "/s");
  log("consumers", consumers);

  const raw = rawCommitsPerSecond(1000);
  log("raw_sqlite_full_commits_per_s", raw, "/s");

  const dataDir = tmp("app");
  const app = await createApp({ config: testConfig({ DATA_DIR: dataDir, NETWORK_FEEDERS: FEEDERS, NETWORK_CONSUMERS: 200_000 }) });
  const url = await app.listen();
  const deps = {
    seed: 9,
    ratePerHour: 1200,
    stormsPerHour: 0.5,
    feeders: app.network.feeders,
    units: app.network.units,
    districtNames: new Map([...app.network.districts.values()].map((d) => [d.id, { name: d.name, nameHi: d.nameHi }])),
    consumerOn: async (feederId: string, rnd: number) => {
      const c = await app.store.consumerOnFeeder(feederId, rnd);
      return c ? { account: c.account, feederId: c.feeder_id, phone: c.phone } : null;
    },
    now: () => new Date(),
  };
  const inputs: ReportInput[] = (await generateReports(deps, REPORTS * 3 + 50, new Date())).map((r) => ({ ...r, receivedAt: undefined }));

  // The categoriser: model load (its first call) and throughput, against feature extraction
  // alone, the floor no model over these features can beat.
  t0 = performance.now();
  categorise("bijli nahi hai");
  log("categoriser_load_ms", performance.now() - t0, "ms");
  const texts = inputs.slice(0, 4000).map((r) => r.text);
  t0 = performance.now();
  for (const text of texts) extractFeatures(text);
  const featureRate = texts.length / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const text of texts) categorise(text);
  const cpu = process.cpuUsage(cpu0);
  const categoriseRate = texts.length / ((performance.now() - t0) / 1000);
  log("categorise_per_s", categoriseRate, "/s");
  // Per CPU-second too: on a shared machine the wall clock also counts time spent waiting for a core.
  log("categorise_per_cpu_s", texts.length / ((cpu.user + cpu.system) / 1e6), "/s");
  log("ratio_categorise_vs_feature_extraction", categoriseRate / featureRate);

  // Sequential: one report at a time, each waiting for its own commit (the fsync bound).
  const seq = inputs.slice(0, Math.min(300, REPORTS));
  t0 = performance.now();
  for (const r of seq) await ingestReport(app.intake, r);
  const sequential = seq.length / ((performance.now() - t0) / 1000);
  log("intake_sequential_per_s", sequential, "/s");
  log("ratio_intake_sequential_vs_raw_commit", sequential / raw);

  // Concurrent: 64 in flight, as a busy call centre plus webhooks would be; group commit shares fsyncs.
  const batch = inputs.slice(REPORTS, REPORTS * 2);
  t0 = performance.now();
  await runConcurrent(batch, 64, (r) => ingestReport(app.intake, r));
  const concurrent = batch.length / ((performance.now() - t0) / 1000);
  log("intake_concurrent_per_s", concurrent, "/s");
  log("ratio_intake_concurrent_vs_raw_commit", concurrent / raw);

  // HTTP end to end.
  const http = inputs.slice(REPORTS * 2, REPORTS * 2 + Math.min(1500, REPORTS));
  t0 = performance.now();
  await runConcurrent(http, 32, async (r) => {
    const res = await fetch(`${url}/api/v1/reports`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(r) });
    if (res.status !== 201 && res.status !== 200) throw new Error(`POST ${res.status}`);
    await res.arrayBuffer();
  });
  const httpRate = http.length / ((performance.now() - t0) / 1000);
  log("http_intake_concurrent_per_s", httpRate, "/s");
  log("ratio_http_vs_in_process", httpRate / concurrent);

  // Snapshot of the whole network (every open feeder) at this size.
  const syncDeps = { store: app.store, network: app.network, projections: app.projections, recent: new RecentChanges() };
  t0 = performance.now();
  const snap = await buildSnapshot(syncDeps, "network");
  log("snapshot_root_ms", performance.now() - t0, "ms");
  log("snapshot_root_kb", JSON.stringify(snap).length / 1024, "KB");
  log("open_tickets", app.projections.counts("network").open);

  // Fresh reports: ones filed above would be recognised as redeliveries and change nothing.
  await liveLatency(url, app, inputs.slice(REPORTS * 3));
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify(figures));
}

async function runConcurrent<T>(items: T[], width: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/** Commit-to-screen latency on SCREENS subscribed sockets, against a bare broadcast to them. */
async function liveLatency(url: string, app: Awaited<ReturnType<typeof createApp>>, inputs: ReportInput[]): Promise<void> {
  const sockets: Socket[] = [];
  for (let i = 0; i < SCREENS; i++) {
    const s = connect(`${url}/live`, { transports: ["websocket"], forceNew: true });
    await new Promise<void>((r) => s.once("connect", () => r()));
    await s.emitWithAck("subscribe", {});
    sockets.push(s);
  }
  // Raw limit: the server's Socket.IO broadcasting one small packet to the same sockets.
  const rawLat: number[] = [];
  for (let k = 0; k < 20; k++) {
    const got = sockets.map((s) => new Promise<number>((r) => s.once("delta", () => r(performance.now()))));
    const t = performance.now();
    app.hub.nsp.emit("delta", { unitId: "bench", seq: -1 } as never);
    rawLat.push(Math.max(...(await Promise.all(got))) - t);
    await new Promise((r) => setTimeout(r, 120));
  }
  // Nigrani: a report filed, seen by all screens (one report at a time, after a quiet moment).
  const lat: number[] = [];
  for (const r of inputs.slice(0, 40)) {
    const got = sockets.map((s) => new Promise<number>((res) => {
      const on = (d: { seq: number; unitId: string }) => {
        if (d.unitId === "network" && d.seq > 0) {
          s.off("delta", on);
          res(performance.now());
        }
      };
      s.on("delta", on);
    }));
    const t = performance.now();
    await ingestReport(app.intake, r);
    lat.push(Math.max(...(await Promise.all(got))) - t);
    await new Promise((res) => setTimeout(res, 120));
  }
  log("live_raw_broadcast_p50_ms", pct(rawLat, 0.5), "ms");
  log("live_report_to_all_screens_p50_ms", pct(lat, 0.5), "ms");
  log("live_report_to_all_screens_p99_ms", pct(lat, 0.99), "ms");
  log("ratio_live_vs_raw_broadcast_p50", pct(lat, 0.5) / Math.max(0.01, pct(rawLat, 0.5)));
  for (const s of sockets) s.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
