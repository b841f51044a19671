/**
 * The benchmark's load client, in its own process (forked by run.ts) so the server's event loop
 * measures only the server. It holds the screens as bare WebSockets (test/support/raw-live.ts),
 * POSTs reports over keep-alive HTTP, and answers run.ts's commands over IPC.
 */
import http from "node:http";
import type { Delta } from "../../shared/live.js";
import type { ReportInput } from "../../shared/schemas.js";
import { RawLiveClient } from "../support/raw-live.js";
import { pct } from "./stats.js";
import type { Command, Reply } from "./protocol.js";

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let base = "";
let screens: Screen[] = [];

/** One screen: the root's open count by seq, and when each delta arrived. */
interface Screen {
  client: RawLiveClient;
  seq: number;
  open: number;
  arrivals: Array<{ seq: number; at: number }>;
}

function postReport(r: ReportInput): Promise<{ seq: number; status: number }> {
  const body = JSON.stringify(r);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}/api/v1/reports`,
      {
        method: "POST",
        agent,
        // The bench's own intake key (a high rate), made by run.ts and passed in the environment.
        headers: {
          "content-type": "application/json",
          "x-api-key": process.env.BENCH_INTAKE_KEY ?? "",
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const parsed = JSON.parse(Buffer.concat(chunks).toString()) as {
            ticket?: { seq: number };
          };
          resolve({ seq: parsed.ticket?.seq ?? -1, status: res.statusCode ?? 0 });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function connect(url: string, count: number): Promise<void> {
  base = url;
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () => {
      const s: Screen = {
        client: new RawLiveClient(url, process.env.BENCH_COOKIE),
        seq: -1,
        open: 0,
        arrivals: [],
      };
      s.client.onSnapshot = (snap) => {
        s.seq = snap.seq;
        s.open = snap.unit.open;
      };
      s.client.onDelta = (d: Delta) => {
        s.arrivals.push({ seq: d.seq, at: performance.timeOrigin + performance.now() });
        if (d.seq < s.seq || (d.seq === s.seq && !d.continued && d.replayFrom === undefined))
          return;
        s.seq = d.seq;
        s.open = d.units[d.unitId]?.open ?? s.open;
      };
      return s;
    });
    await Promise.all(batch.map((s) => s.client.ready().then(() => s.client.subscribe())));
    screens.push(...batch);
  }
}

const now = () => performance.timeOrigin + performance.now();

/** Time from each POST's send to the first delta at or past its seq, on every screen. */
function latencies(sent: Array<{ seq: number; at: number }>): number[] {
  const reports = sent.filter((r) => r.seq >= 0).sort((a, b) => a.seq - b.seq);
  const out: number[] = [];
  for (const s of screens) {
    let j = 0;
    for (const r of reports) {
      while (j < s.arrivals.length && s.arrivals[j].seq < r.seq) j++;
      if (j < s.arrivals.length) out.push(s.arrivals[j].at - r.at);
    }
  }
  return out;
}

/** Posts at `rate` a second (open loop, at most 512 in flight) and waits for the screens to settle. */
async function storm(reports: ReportInput[], rate: number): Promise<Reply> {
  for (const s of screens) s.arrivals = [];
  const bytesBefore = screens.reduce((n, s) => n + s.client.bytes, 0);
  const sent: Array<{ seq: number; at: number }> = [];
  const acks: number[] = [];
  const t0 = now();
  let inFlight = 0;
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < reports.length; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    while (inFlight >= 512) await new Promise((r) => setTimeout(r, 1));
    inFlight++;
    const at = now();
    pending.push(
      postReport(reports[i]).then((res) => {
        inFlight--;
        acks.push(now() - at);
        sent.push({ seq: res.seq, at });
      }),
    );
  }
  await Promise.all(pending);
  const postedS = (now() - t0) / 1000;
  await settle();
  const seconds = (now() - t0) / 1000;
  const bytes = screens.reduce((n, s) => n + s.client.bytes, 0) - bytesBefore;
  const lat = latencies(sent);
  return {
    type: "storm",
    posted: reports.length,
    rate: reports.length / postedS,
    ackP99: pct(acks, 0.99),
    p50: pct(lat, 0.5),
    p99: pct(lat, 0.99),
    bytesPerScreenS: bytes / screens.length / seconds,
    opens: screens.map((s) => s.open),
  };
}

/** Waits until no screen has received anything for a second. */
async function settle(): Promise<void> {
  let last = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const frames = screens.reduce((n, s) => n + s.client.frames, 0);
    if (frames === last) return;
    last = frames;
  }
}

async function lone(reports: ReportInput[], gapMs: number): Promise<Reply> {
  const lat: number[] = [];
  for (const r of reports) {
    await new Promise((res) => setTimeout(res, gapMs));
    for (const s of screens) s.arrivals = [];
    const at = now();
    const { seq } = await postReport(r);
    await new Promise((res) => setTimeout(res, 300));
    lat.push(...latencies([{ seq, at }]));
  }
  return { type: "lone", p99: pct(lat, 0.99), p50: pct(lat, 0.5) };
}

async function ingest(reports: ReportInput[], inFlight: number): Promise<Reply> {
  const acks: number[] = [];
  const trace: Array<[number, number]> = [];
  let next = 0;
  const t0 = now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < reports.length) {
        const r = reports[next++];
        const at = now();
        const res = await postReport(r);
        if (res.status !== 201 && res.status !== 200) throw new Error(`POST ${res.status}`);
        acks.push(now() - at);
        if (process.env.BENCH_ACK_TRACE) trace.push([at - t0, now() - at]);
      }
    }),
  );
  if (process.env.BENCH_ACK_TRACE) {
    trace.sort((a, b) => b[1] - a[1]);
    console.error(
      "slowest acks [start ms, ack ms]:",
      JSON.stringify(trace.slice(0, 8).map((t) => t.map(Math.round))),
    );
    console.error("p50", pct(acks, 0.5), "p90", pct(acks, 0.9));
  }
  return { type: "ingest", perS: reports.length / ((now() - t0) / 1000), ackP99: pct(acks, 0.99) };
}

process.on("message", (cmd: Command) => {
  const reply = (r: Reply) => process.send?.(r);
  const run = async (): Promise<Reply> => {
    switch (cmd.type) {
      case "connect":
        await connect(cmd.url, cmd.screens);
        return { type: "connected", screens: screens.length };
      case "ingest":
        base = cmd.url;
        return ingest(cmd.reports, cmd.inFlight);
      case "storm":
        return storm(cmd.reports, cmd.rate);
      case "lone":
        return lone(cmd.reports, cmd.gapMs);
      case "exit":
        for (const s of screens) s.client.close();
        screens = [];
        agent.destroy();
        setImmediate(() => process.exit(0));
        return { type: "bye" };
    }
  };
  run().then(reply, (err: unknown) => reply({ type: "error", message: String(err) }));
});
