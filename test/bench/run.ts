/**
 * `npm run bench` (`-- --quick` for about two minutes): Nigrani's speed on this machine, each
 * figure beside the raw limit measured in the same run. The last line printed is one JSON object.
 *
 * The server runs in this process (so its event-loop lag is measured); the load (HTTP reports and
 * the screens, as bare WebSockets) comes from a forked process, test/bench/load-client.ts.
 *
 * - ingest: POST /api/v1/reports with 64 in flight, against raw better-sqlite3 durable single-row
 *   commits a second (WAL, synchronous=FULL), and the ack p99;
 * - webhook: one signed 1,000-message WhatsApp delivery: time to its 200 (stored in the inbox),
 *   then messages filed a second by the inbox worker;
 * - fanout: screens on the whole network while reports arrive at `rate` a second: POST-to-screen
 *   p50/p99 over every (report, screen) pair, a lone report's p99, bytes a second per screen,
 *   and whether every screen's count is exact at the end; loop_lag_p99_ms during it;
 * - snapshot of the whole network; cold start of the app on the data the run wrote.
 */
import { fork, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import BetterSqlite3 from "better-sqlite3";
import { createApp, type NigraniApp } from "../../server/app.js";
import { testConfig } from "../../server/config.js";
import { buildSnapshot } from "../../server/live/sync.js";
import { RecentChanges } from "../../server/live/recent-changes.js";
import { generateNetwork } from "../../server/network/generate.js";
import { categorise } from "../../server/triage/categorise.js";
import type { Command, Reply } from "./protocol.js";
import { benchReports } from "./reports.js";
import { round } from "./stats.js";
import { scaleFigures, type ScaleFigures } from "./scale.js";
import { benchPostgres } from "./postgres.js";
import { profiled } from "./profile.js";
import { clusterFanout } from "./cluster.js";
import type { LighthouseFigures } from "./lighthouse.js";
import { signIn } from "../support/auth.js";
import { CHANNELS } from "../../shared/domain.js";

const QUICK = process.argv.includes("--quick");
/** `--only=ingest,webhook`: run just those parts (for profiling one path); the JSON line omits the rest. */
const ONLY = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const part = (name: string) => !ONLY || ONLY.includes(name);
/**
 * `--scale`: also measure cold start and the snapshot on a store of BENCH_SCALE_OPEN open and
 * BENCH_SCALE_HISTORY closed tickets (100,000 and 1,000,000 by default), built with bulk inserts.
 */
const SCALE = process.argv.includes("--scale");
/**
 * `--lighthouse` (or `--only=lighthouse`): Lighthouse performance of `/`, `/summary` and `/track`
 * on a store of 10,500 open tickets and 50 outages (about 3 minutes; see lighthouse.ts).
 */
const LIGHTHOUSE = process.argv.includes("--lighthouse") || !!ONLY?.includes("lighthouse");
const env = (k: string, quick: number, full: number) =>
  Number(process.env[k] ?? (QUICK ? quick : full));
const FEEDERS = env("BENCH_FEEDERS", 3000, 20_000);
const SCREENS = env("BENCH_SCREENS", 300, 1000);
const RATE = env("BENCH_RATE", 300, 1000);
const STORM_S = env("BENCH_STORM_S", 8, 15);
const INGEST_N = env("BENCH_INGEST", 3000, 5000);
const LONE_N = env("BENCH_LONE", 20, 40);
/**
 * Reports filed before the ingest is measured: the first ones open the load client's 64
 * connections and meet a cold JIT and unprepared statements, which a server that has been up
 * for a minute has long left behind. Without them the first batch's acks set the p99, and with
 * only 200 the optimising compiler was still at work through the measured 1,500 (the loop's time
 * a report 0.71 ms; 0.52-0.57 ms over 3,000 after 1,000).
 */
const WARM_N = 1000;
const SECRET = "bench-whatsapp-secret";

const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `nigrani-bench-${name}-`));
const line = (k: string, v: number | string, unit = "") =>
  console.log(`${k.padEnd(34)} ${typeof v === "number" ? round(v) : v} ${unit}`);

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

/** The load client, forked with tsx; one command at a time. */
function startLoad(): { send(cmd: Command): Promise<Reply>; child: ChildProcess } {
  const child = fork(path.join(import.meta.dirname, "load-client.ts"), [], {
    execArgv: ["--import", "tsx"],
  });
  return {
    child,
    send: (cmd) =>
      new Promise((resolve, reject) => {
        child.once("message", (r: Reply) =>
          r.type === "error" ? reject(new Error(r.message)) : resolve(r),
        );
        child.send(cmd);
      }),
  };
}

function expect<T extends Reply["type"]>(r: Reply, type: T): Extract<Reply, { type: T }> {
  if (r.type !== type) throw new Error(`load client answered ${r.type}, not ${type}`);
  return r as Extract<Reply, { type: T }>;
}

/** One signed WhatsApp Cloud API delivery carrying `n` text messages. */
function whatsappDelivery(n: number): string {
  const messages = Array.from({ length: n }, (_, i) => ({
    from: `9198${String(10_000_000 + i).slice(-8)}`,
    id: `wamid.BENCH${String(i).padStart(8, "0")}`,
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: "text",
    text: { body: `Light nahi hai subah se, transformer jal gaya ${i}` },
  }));
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "1",
        changes: [{ field: "messages", value: { messaging_product: "whatsapp", messages } }],
      },
    ],
  });
}

/** One signed 1,000-message delivery: time to its 200 (stored), then messages filed a second. */
async function webhookFigures(
  app: NigraniApp,
  url: string,
): Promise<{ ackMs: number; perS: number; cpuMs: number }> {
  const body = whatsappDelivery(1000);
  const signature = "sha256=" + createHmac("sha256", SECRET).update(body).digest("hex");
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const res = await fetch(`${url}/webhooks/whatsapp`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signature },
    body,
  });
  await res.arrayBuffer();
  const ackMs = performance.now() - t0;
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  line("webhook_1000_ack_ms", ackMs, "ms");
  // The 200 means "stored"; the inbox worker then files the messages.
  await app.inbox.whenIdle();
  const perS = 1000 / ((performance.now() - t0) / 1000);
  line("webhook_messages_per_s", perS, "/s");
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / 1000;
  line("webhook_server_cpu_ms_per_message", cpuMs, "ms");
  return { ackMs, perS, cpuMs };
}

async function main(): Promise<void> {
  const cores = os.cpus();
  console.log(
    `Nigrani benchmark${QUICK ? " (quick)" : ""}: ${FEEDERS} feeders, ${SCREENS} screens at ` +
      `${RATE} reports/s for ${STORM_S} s; ${cores.length} x ${cores[0]?.model ?? "cpu"}, load ${os.loadavg()[0].toFixed(2)}`,
  );
  let t0 = performance.now();
  generateNetwork({ seed: 2017, feeders: FEEDERS });
  const networkMs = performance.now() - t0;
  line("network_generate_ms", networkMs, "ms");
  const rawPerS = rawCommitsPerSecond(QUICK ? 500 : 2000);
  line("raw_durable_commits_per_s", rawPerS, "/s");

  const dataDir = tmp("app");
  const config = testConfig({
    DATA_DIR: dataDir,
    NETWORK_FEEDERS: FEEDERS,
    NETWORK_CONSUMERS: 200_000,
    WHATSAPP_APP_SECRET: SECRET,
    WEBHOOK_INBOX: true,
  });
  let app = await createApp({ config });
  const url = await app.listen();
  // The load client files with its own intake key and watches as a signed-in control room.
  const key = await app.access.keys.create(
    { name: "bench", channels: [...CHANNELS], ratePerMinute: 100_000 },
    "system:bench",
  );
  process.env.BENCH_INTAKE_KEY = key.secret;
  process.env.BENCH_COOKIE = (await signIn(url, "control")).cookie;
  const stormN = Math.round(RATE * STORM_S);
  const inputs = await benchReports(app, INGEST_N + stormN + LONE_N + WARM_N, "bench");
  const warmUp = inputs.splice(inputs.length - WARM_N, WARM_N);
  t0 = performance.now();
  for (const r of inputs.slice(0, 2000)) categorise(r.text);
  const categorisePerS = Math.min(2000, inputs.length) / ((performance.now() - t0) / 1000);
  line("categorise_per_s", categorisePerS, "/s");
  const load = startLoad();

  let ingest: Extract<Reply, { type: "ingest" }> | null = null;
  let ingestCpuMs = 0;
  if (part("ingest")) {
    expect(await load.send({ type: "ingest", url, reports: warmUp, inFlight: 64 }), "ingest");
    // CPU the server spent per report: unlike the rate, it barely moves when the machine is shared.
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    ingest = expect(
      await profiled("ingest", () =>
        load.send({ type: "ingest", url, reports: inputs.slice(0, INGEST_N), inFlight: 64 }),
      ),
      "ingest",
    );
    line("ingest_http_per_s (64 in flight)", ingest.perS, "/s");
    line("ingest_ack_p99_ms", ingest.ackP99, "ms");
    const cpu = process.cpuUsage(cpu0);
    ingestCpuMs = (cpu.user + cpu.system) / 1000 / INGEST_N;
    line("ingest_server_cpu_ms_per_report", ingestCpuMs, "ms");
    // The event loop's busy time alone: what bounds the rate once the disk is not the limit.
    const elu = performance.eventLoopUtilization(elu0);
    line("ingest_server_loop_ms_per_report", elu.active / INGEST_N, "ms");
  }

  let webhook: { ackMs: number; perS: number; cpuMs: number } | null = null;
  if (part("webhook")) webhook = await profiled("webhook", () => webhookFigures(app, url));

  let snapshot: { ms: number; bytes: number; open: number } | null = null;
  if (part("snapshot")) {
    const recent = new RecentChanges();
    t0 = performance.now();
    const snap = await buildSnapshot({ ...app, recent }, "network");
    const ms = performance.now() - t0;
    // The snapshot's counts are the projections' live objects: read them before anything changes.
    snapshot = { ms, bytes: Buffer.byteLength(JSON.stringify(snap)), open: snap.unit.open };
    line("snapshot_ms", ms, `ms (${snapshot.open} open)`);
    line("snapshot_bytes", snapshot.bytes);
  }

  let storm: Extract<Reply, { type: "storm" }> | null = null;
  let lone: Extract<Reply, { type: "lone" }> | null = null;
  let exact = false;
  const lag = monitorEventLoopDelay({ resolution: 10 });
  if (part("fanout")) {
    expect(await load.send({ type: "connect", url, screens: SCREENS }), "connected");
    lag.enable();
    storm = expect(
      await load.send({
        type: "storm",
        reports: inputs.slice(INGEST_N, INGEST_N + stormN),
        rate: RATE,
      }),
      "storm",
    );
    lag.disable();
    const rootOpen = app.projections.counts("network").open;
    exact = storm.opens.every((o) => o === rootOpen);
    line("fanout_rate_achieved", storm.rate, "/s");
    line("fanout_p50_ms", storm.p50, "ms");
    line("fanout_p99_ms", storm.p99, "ms");
    line("fanout_bytes_per_screen_s", storm.bytesPerScreenS, "B/s");
    line("fanout_exact", String(exact));
    line("loop_lag_p99_ms", lag.percentile(99) / 1e6, "ms");
    lone = expect(
      await load.send({ type: "lone", reports: inputs.slice(INGEST_N + stormN), gapMs: 400 }),
      "lone",
    );
    line("fanout_lone_p99_ms", lone.p99, "ms");
  }
  await load.send({ type: "exit" });

  const tickets = app.projections.counts("network").open;
  await app.close();
  let coldStartS: number | null = null;
  if (part("cold")) {
    t0 = performance.now();
    app = await createApp({ config });
    coldStartS = (performance.now() - t0) / 1000;
    line("cold_start_s", coldStartS, `s (${tickets} open tickets)`);
    await app.close();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });

  let scale: ScaleFigures | null = null;
  if (SCALE) {
    const open = Number(process.env.BENCH_SCALE_OPEN ?? 100_000);
    const history = Number(process.env.BENCH_SCALE_HISTORY ?? 1_000_000);
    scale = await scaleFigures({ ...config, DATA_DIR: tmp("scale") }, open, history);
    line("scale_build_s", scale.buildS, `s (${open} open, ${history} closed, bulk insert)`);
    line("scale_cold_start_s", scale.coldStartS, "s");
    line("scale_snapshot_ms", scale.snapshotMs, `ms (${scale.snapshotOpen} open)`);
    line("scale_snapshot_bytes", scale.snapshotBytes);
  }

  // Two nodes joined by Redis (REDIS_URL, default the local one): see test/bench/cluster.ts.
  let cluster: Awaited<ReturnType<typeof clusterFanout>> | null = null;
  if (part("cluster")) {
    cluster = await clusterFanout({
      redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      screensPerNode: env("BENCH_CLUSTER_SCREENS", 25, 100),
      rate: env("BENCH_CLUSTER_RATE", 20, 40),
      seconds: env("BENCH_CLUSTER_S", 8, 15),
    });
    line("cluster_same_node_p99_ms", cluster.same_node_p99_ms, "ms");
    line("cluster_cross_node_p99_ms", cluster.cross_node_p99_ms, "ms");
    line("cluster_exact", String(cluster.exact));
  }

  let screens: LighthouseFigures[] | null = null;
  if (LIGHTHOUSE) {
    // Loaded only when asked for: Lighthouse is a large module tree.
    const { lighthouseFigures } = await import("./lighthouse.js");
    screens = await lighthouseFigures({
      feeders: 3000,
      tickets: 10_500,
      outages: 50,
      runs: env("BENCH_LIGHTHOUSE_RUNS", 3, 5),
    });
    for (const s of screens)
      line(
        `lighthouse ${s.path} (${s.form})`,
        s.score,
        `(runs ${s.min}-${s.max}${s.failed ? `, ${s.failed} failed` : ""}; TBT ${s.tbt_ms} ms, LCP ${s.lcp_ms} ms, CLS ${s.cls})`,
      );
  }

  const postgres = part("postgres")
    ? await benchPostgres(config, warmUp, inputs.slice(0, INGEST_N), QUICK ? 500 : 2000, line)
    : null;
  const r = (x: number) => round(x);
  console.log(
    JSON.stringify({
      machine: { cores: cores.length, model: cores[0]?.model, quick: QUICK, feeders: FEEDERS },
      ingest: ingest && {
        per_s: r(ingest.perS),
        raw_per_s: r(rawPerS),
        ratio: r(ingest.perS / rawPerS),
        ack_p99_ms: r(ingest.ackP99),
        cpu_ms_per_report: r(ingestCpuMs),
      },
      postgres,
      webhook: webhook && {
        ack_ms: r(webhook.ackMs),
        per_s: r(webhook.perS),
        cpu_ms_per_message: r(webhook.cpuMs),
      },
      fanout: storm &&
        lone && {
          clients: SCREENS,
          rate: r(storm.rate),
          p50_ms: r(storm.p50),
          p99_ms: r(storm.p99),
          lone_p99_ms: r(lone.p99),
          bytes_per_screen_s: r(storm.bytesPerScreenS),
          exact,
        },
      // At scale when measured (--scale), else on the data this run wrote.
      snapshot: scale
        ? { ms: r(scale.snapshotMs), bytes: scale.snapshotBytes, open: scale.snapshotOpen }
        : snapshot && { ms: r(snapshot.ms), bytes: snapshot.bytes, open: snapshot.open },
      cold_start_s: scale ? r(scale.coldStartS) : coldStartS === null ? null : r(coldStartS),
      scale: scale && { open: scale.open, history: scale.history, build_s: r(scale.buildS) },
      loop_lag_p99_ms: storm ? r(lag.percentile(99) / 1e6) : null,
      cluster_fanout: cluster,
      lighthouse: screens,
      categorise_per_s: r(categorisePerS),
      network_generate_ms: r(networkMs),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
