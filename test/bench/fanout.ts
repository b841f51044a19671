/**
 * `npx tsx test/bench/fanout.ts`: the fan-out alone, apart from ingest over HTTP (run.ts measures
 * POST-to-screen, which on a busy machine is mostly the POSTs' queue). Reports are filed in this
 * process through the intake path every channel ends in (`ingestReport`, committed before it
 * resolves) at BENCH_RATE a second, and each change's latency is measured from the moment the
 * live hub is handed it (committed, projected) to its arrival on every screen.
 *
 * The screens are bare WebSockets in a forked copy of this file (`--screens`), so the server's
 * event loop measures only the server. Sizes: BENCH_SCREENS (1000), BENCH_SUMMARY_SCREENS (0;
 * extra screens at the `counts` level), BENCH_RATE (1000), BENCH_STORM_S (10), BENCH_FEEDERS
 * (20000), BENCH_LONE (30). Prints each figure, then one JSON line:
 * `fanout { clients, rate, p50_ms, p99_ms, lone_p99_ms, bytes_per_screen_s, exact, ... }`,
 * `loop_lag_p99_ms`. The raw limit beside it: 1 KB broadcasts to the same screens, as fast as the
 * process writes them (`raw_broadcasts_per_s`), against the broadcasts the hub sent (`deltas`).
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createApp } from "../../server/app.js";
import { testConfig } from "../../server/config.js";
import { ingestReport } from "../../server/intake/ingest.js";
import { benchReports } from "./reports.js";
import type { Delta, LiveLevel } from "../../shared/live.js";
import { signIn } from "../support/auth.js";
import { RawLiveClient } from "../support/raw-live.js";
import { pct, round } from "./stats.js";

const env = (k: string, dflt: number) => Number(process.env[k] ?? dflt);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Parent -> screens process, and its answers. */
type ToScreens =
  | { type: "connect"; url: string; cookie: string; screens: number; level?: LiveLevel }
  | { type: "reset" }
  | { type: "measure"; applied: Array<[number, number]>; rootOpen: number }
  | { type: "exit" };
interface Measured {
  type: "measured";
  /** Latencies as counts per whole millisecond, so the screens' processes' answers merge exactly. */
  latencies: Array<[number, number]>;
  bytesPerScreenS: Record<string, number>;
  /** Screens per level in this process (to weigh bytesPerScreenS when merging). */
  screens: Record<string, number>;
  exact: Record<string, boolean>;
}

/** The latency percentiles and the other figures of every screens process together. */
function merge(answers: Measured[]): {
  p50: number;
  p99: number;
  bytesPerScreenS: Record<string, number>;
  exact: boolean;
} {
  const hist = new Map<number, number>();
  for (const a of answers) for (const [ms, n] of a.latencies) hist.set(ms, (hist.get(ms) ?? 0) + n);
  const buckets = [...hist.entries()].sort((x, y) => x[0] - y[0]);
  const total = buckets.reduce((n, [, c]) => n + c, 0);
  const at = (p: number) => {
    let seen = 0;
    for (const [ms, c] of buckets) if ((seen += c) >= p * total) return ms + 0.5;
    return NaN;
  };
  const bytes: Record<string, number> = {};
  const screens: Record<string, number> = {};
  for (const a of answers)
    for (const [level, b] of Object.entries(a.bytesPerScreenS)) {
      bytes[level] = (bytes[level] ?? 0) + b * a.screens[level];
      screens[level] = (screens[level] ?? 0) + a.screens[level];
    }
  for (const level of Object.keys(bytes)) bytes[level] /= screens[level];
  return {
    p50: at(0.5),
    p99: at(0.99),
    bytesPerScreenS: bytes,
    exact: answers.every((a) => Object.values(a.exact).every(Boolean)),
  };
}

// ---------------------------------------------------------------- the screens' process

interface Screen {
  client: RawLiveClient;
  level: string;
  seq: number;
  open: number;
  arrivals: Array<{ seq: number; at: number }>;
  /** The newest delta frame, unparsed. */
  last: string | null;
}

function screensProcess(): void {
  const screens: Screen[] = [];
  let since = now();
  const bytesAt = new Map<Screen, number>();
  const send = (m: unknown) => process.send?.(m);
  process.on("message", (msg: ToScreens) => {
    void (async () => {
      if (msg.type === "connect") {
        for (let i = 0; i < msg.screens; i += 50) {
          const batch = Array.from({ length: Math.min(50, msg.screens - i) }, () => {
            const s: Screen = {
              client: new RawLiveClient(msg.url, msg.cookie),
              level: msg.level ?? "full",
              seq: -1,
              open: 0,
              arrivals: [],
              last: null,
            };
            s.client.onSnapshot = (snap) => {
              s.seq = snap.seq;
              s.open = snap.unit.open;
            };
            // Deltas are not parsed as they arrive (a thousand screens' JSON would make this
            // process the bottleneck): their seq is read from the frame's head, and the newest
            // frame is kept and parsed once at the end for the count.
            s.client.ws.on("message", (raw: Buffer) => {
              if (s.client.parse) return;
              const text = raw.toString();
              if (!text.startsWith('42/live,["delta",')) return;
              const seq = Number(/"seq":(\d+)/.exec(text.slice(0, 200))?.[1] ?? -1);
              s.arrivals.push({ seq, at: now() });
              // Counts are absolute, and every delta carries the unit's: the newest seq's last
              // frame (a continued one comes after) holds the screen's final count.
              if (seq >= s.seq) {
                s.seq = seq;
                s.last = text;
              }
            });
            return s;
          });
          await Promise.all(
            batch.map(async (s) => {
              await s.client.ready();
              await s.client.subscribe({ level: msg.level });
              s.client.parse = false;
            }),
          );
          screens.push(...batch);
        }
        send({ type: "connected" });
      } else if (msg.type === "reset") {
        since = now();
        for (const s of screens) {
          s.arrivals = [];
          bytesAt.set(s, s.client.bytes);
        }
        send({ type: "reset" });
      } else if (msg.type === "measure") {
        // Settled: nothing arrived on any screen for a second.
        let last = -1;
        for (;;) {
          await sleep(1000);
          const frames = screens.reduce((n, s) => n + s.client.frames, 0);
          if (frames === last) break;
          last = frames;
        }
        const seconds = (now() - since) / 1000;
        for (const s of screens) {
          if (!s.last) continue;
          const [, d] = JSON.parse(s.last.slice(8)) as [string, Delta];
          s.open = d.units[d.unitId]?.open ?? s.open;
          s.last = null;
        }
        const applied = [...msg.applied].sort((a, b) => a[0] - b[0]);
        const lat: number[] = [];
        for (const s of screens) {
          let j = 0;
          for (const [seq, at] of applied) {
            while (j < s.arrivals.length && s.arrivals[j].seq < seq) j++;
            if (j < s.arrivals.length) lat.push(s.arrivals[j].at - at);
          }
        }
        const byLevel = (f: (s: Screen[]) => number | boolean) => {
          const out: Record<string, number | boolean> = {};
          for (const level of new Set(screens.map((s) => s.level)))
            out[level] = f(screens.filter((s) => s.level === level));
          return out;
        };
        const hist = new Map<number, number>();
        for (const ms of lat) {
          const b = Math.max(0, Math.floor(ms));
          hist.set(b, (hist.get(b) ?? 0) + 1);
        }
        const reply: Measured = {
          type: "measured",
          latencies: [...hist.entries()],
          screens: byLevel((ss) => ss.length) as Record<string, number>,
          bytesPerScreenS: byLevel(
            (ss) =>
              ss.reduce((n, s) => n + s.client.bytes - (bytesAt.get(s) ?? 0), 0) /
              ss.length /
              seconds,
          ) as Record<string, number>,
          exact: byLevel((ss) => ss.every((s) => s.open === msg.rootOpen)) as Record<
            string,
            boolean
          >,
        };
        send(reply);
      } else {
        for (const s of screens) s.client.close();
        setImmediate(() => process.exit(0));
      }
    })();
  });
}

// ---------------------------------------------------------------- the server's process

async function main(): Promise<void> {
  const FEEDERS = env("BENCH_FEEDERS", 20_000);
  const SCREENS = env("BENCH_SCREENS", 1000);
  const SUMMARY_SCREENS = env("BENCH_SUMMARY_SCREENS", 0);
  const RATE = env("BENCH_RATE", 1000);
  const STORM_S = env("BENCH_STORM_S", 10);
  const LONE_N = env("BENCH_LONE", 30);
  const SCREEN_PROCS = env("BENCH_SCREEN_PROCS", 2);
  const cores = os.cpus();
  console.log(
    `Nigrani fan-out bench: ${FEEDERS} feeders, ${SCREENS} screens (+${SUMMARY_SCREENS} at counts) ` +
      `at ${RATE} reports/s for ${STORM_S} s; ${cores.length} x ${cores[0]?.model ?? "cpu"}, ` +
      `load ${os.loadavg()[0].toFixed(2)}`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-bench-fanout-"));
  const app = await createApp({
    config: testConfig({ DATA_DIR: dataDir, NETWORK_FEEDERS: FEEDERS, NETWORK_CONSUMERS: 50_000 }),
  });
  const url = await app.listen();
  const cookie = (await signIn(url, "control")).cookie;
  const stormN = Math.round(RATE * STORM_S);
  const inputs = await benchReports(app, stormN + LONE_N, "fan");

  // The screens are shared among processes: one process reading a thousand frames of one delta
  // one after another would itself be most of a lone report's latency.
  const children = Array.from({ length: SCREEN_PROCS }, () =>
    fork(import.meta.filename, ["--screens"], { execArgv: ["--import", "tsx"] }),
  );
  const askOne = <T>(child: (typeof children)[number], msg: ToScreens) =>
    new Promise<T>((resolve) => {
      child.once("message", (r: T) => resolve(r));
      child.send(msg);
    });
  const ask = <T>(msg: ToScreens) => Promise.all(children.map((c) => askOne<T>(c, msg)));
  const share = (n: number, i: number) =>
    Math.floor(n / SCREEN_PROCS) + (i < n % SCREEN_PROCS ? 1 : 0);
  await Promise.all(
    children.map((c, i) => askOne(c, { type: "connect", url, cookie, screens: share(SCREENS, i) })),
  );
  if (SUMMARY_SCREENS > 0)
    await Promise.all(
      children.map((c, i) =>
        askOne(c, {
          type: "connect",
          url,
          cookie,
          screens: share(SUMMARY_SCREENS, i),
          level: "counts",
        }),
      ),
    );

  // When each change reached the hub (committed and projected): where the fan-out starts.
  const applied: Array<[number, number]> = [];
  const hub = app.hub;
  const onChange = hub.onChange.bind(hub);
  hub.onChange = (change, touched) => {
    applied.push([change.seq, now()]);
    onChange(change, touched);
  };
  // The hub's own CPU time (taking changes in, building and writing deltas), apart from ingest.
  let hubMs = 0;
  let hubMaxMs = 0;
  const timed = <A extends unknown[]>(f: (...a: A) => void) => {
    return (...a: A) => {
      const t = performance.now();
      f(...a);
      const ms = performance.now() - t;
      hubMs += ms;
      hubMaxMs = Math.max(hubMaxMs, ms);
    };
  };
  // When each of the network's rooms wrote a delta, and at which seq: the server's part of the
  // latency (coalescing and its own event loop), apart from the network and the screens' process.
  const written: Record<string, Array<[number, number]>> = { stream: [], summary: [] };
  const inner = hub as unknown as { flush(room: { unitId: string; kind: string }): void };
  const flush = inner.flush.bind(hub);
  inner.flush = timed((room: { unitId: string; kind: string }) => {
    flush(room);
    if (room.unitId === "network") written[room.kind]?.push([app.projections.seq, now()]);
  });
  hub.onChange = timed(hub.onChange.bind(hub));
  const file = (i: number) => ingestReport(app.intake, inputs[i], { actor: "bench" });

  // The storm: open loop at RATE, at most 512 in flight.
  await ask({ type: "reset" });
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const t0 = now();
  let inFlight = 0;
  const pending: Array<Promise<unknown>> = [];
  for (let i = 0; i < stormN; i++) {
    const wait = t0 + (i * 1000) / RATE - now();
    if (wait > 1) await sleep(wait);
    while (inFlight >= 512) await sleep(1);
    inFlight++;
    pending.push(file(i).finally(() => inFlight--));
  }
  await Promise.all(pending);
  const stormS = (now() - t0) / 1000;
  const rate = stormN / stormS;
  const hubShare = hubMs / 1000 / stormS;
  const stormApplied = [...applied];
  /** p50/p99 from a change reaching the hub to the first delta written at or past its seq. */
  const serverLatency = (flushes: Array<[number, number]>) => {
    const lat: number[] = [];
    let j = 0;
    for (const [seq, at] of stormApplied.sort((a, b) => a[0] - b[0])) {
      while (j < flushes.length && flushes[j][0] < seq) j++;
      if (j < flushes.length) lat.push(flushes[j][1] - at);
    }
    return { p50: pct(lat, 0.5), p99: pct(lat, 0.99) };
  };
  const storm = merge(
    await ask<Measured>({
      type: "measure",
      applied: applied.splice(0),
      rootOpen: app.projections.counts("network").open,
    }),
  );
  lag.disable();

  // The raw limit: one pre-encoded 1 KB broadcast to every screen, as fast as the process writes
  // them (Socket.IO encodes a broadcast once). The hub's deltas a second use a fraction of it.
  const rawEmit = hub.nsp.local as unknown as { emit(ev: string, data: unknown): void };
  const payload = { pad: "x".repeat(1000) };
  const rawN = 50;
  const tRaw = now();
  for (let i = 0; i < rawN; i++) rawEmit.emit("bench_raw", payload);
  const rawPerS = rawN / ((now() - tRaw) / 1000);
  await ask({ type: "reset" });
  await ask<Measured>({ type: "measure", applied: [], rootOpen: 0 });

  // Lone reports, 400 ms apart (as run.ts): a quiet stream must go out at once.
  const loneLat: number[] = [];
  for (let i = 0; i < LONE_N; i++) {
    await sleep(400);
    await ask({ type: "reset" });
    await file(stormN + i);
    const m = merge(
      await ask<Measured>({
        type: "measure",
        applied: applied.splice(0),
        rootOpen: app.projections.counts("network").open,
      }),
    );
    loneLat.push(m.p99);
  }
  for (const c of children) c.send({ type: "exit" });
  const stats = { ...hub.stats };
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const r = (x: number) => round(x);
  const fanout = {
    clients: SCREENS,
    summary_clients: SUMMARY_SCREENS,
    rate: r(rate),
    p50_ms: r(storm.p50),
    p99_ms: r(storm.p99),
    lone_p99_ms: r(pct(loneLat, 0.99)),
    bytes_per_screen_s: r(storm.bytesPerScreenS.full ?? 0),
    summary_bytes_per_screen_s: r(storm.bytesPerScreenS.counts ?? 0),
    exact: storm.exact,
    deltas: stats.deltas,
    hub_cpu_share: r(hubShare),
    hub_longest_call_ms: r(hubMaxMs),
    server_p50_ms: r(serverLatency(written.stream).p50),
    server_p99_ms: r(serverLatency(written.stream).p99),
    summary_server_p99_ms: r(serverLatency(written.summary).p99),
    raw_broadcasts_per_s: r(rawPerS),
    cut_off: stats.cutOff,
    resets: stats.resets,
  };
  const loopLag = r(lag.percentile(99) / 1e6);
  for (const [k, v] of Object.entries(fanout)) console.log(`${k.padEnd(28)} ${String(v)}`);
  // The longest stall: a synchronous commit (better-sqlite3 fsyncs on the event loop) holds every
  // timer, the hub's flushes included, and a p99 over 10 ms samples hides a few long ones.
  const loopLagMax = r(lag.max / 1e6);
  console.log(`${"loop_lag_p99_ms".padEnd(28)} ${loopLag}`);
  console.log(`${"loop_lag_max_ms".padEnd(28)} ${loopLagMax}`);
  console.log(JSON.stringify({ fanout, loop_lag_p99_ms: loopLag, loop_lag_max_ms: loopLagMax }));
}

if (process.argv.includes("--screens")) screensProcess();
else
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
