/**
 * The PostgreSQL half of `npm run bench`: POST /api/v1/reports with 64 in flight on an app whose
 * store is PostgreSQL (BENCH_POSTGRES_URL, default the machine's 127.0.0.1:5432 database `test`),
 * beside raw `pg` durable single-row inserts (one insert, one commit, synchronous_commit=on) on
 * the same server in the same run. Each run uses a schema of its own and drops it after.
 */
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { createApp } from "../../server/app.js";
import type { Config } from "../../server/config.js";
import { CHANNELS } from "../../shared/domain.js";
import type { ReportInput } from "../../shared/schemas.js";
import type { Command, Reply } from "./protocol.js";
import { round } from "./stats.js";

const URL_ = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type PostgresFigures =
  { per_s: number; raw_per_s: number; ratio: number; ack_p99_ms: number } | { error: string };

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Durable single-row inserts a second, one after another, as the store's floor on this server. */
async function rawInsertsPerSecond(url: string, n: number): Promise<number> {
  return withClient(url, async (c) => {
    await c.query("set synchronous_commit = on");
    await c.query("create table raw_reports (id bigserial primary key, body text not null)");
    const t0 = performance.now();
    for (let i = 0; i < n; i++)
      await c.query("insert into raw_reports (body) values ($1)", [`report ${i}`]);
    return n / ((performance.now() - t0) / 1000);
  });
}

/**
 * Files `warmUp`, then `reports` (the measured part), through a forked load client (the same one
 * run.ts uses) and waits for it.
 */
function ingestFromLoadClient(
  url: string,
  warmUp: ReportInput[],
  reports: ReportInput[],
  key: string,
): Promise<Reply> {
  const child = fork(path.join(import.meta.dirname, "load-client.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_INTAKE_KEY: key },
  });
  const send = (cmd: Command) =>
    new Promise<Reply>((resolve, reject) => {
      child.once("message", (r: Reply) =>
        r.type === "error" ? reject(new Error(r.message)) : resolve(r),
      );
      child.send(cmd);
    });
  return send({ type: "ingest", url, reports: warmUp, inFlight: 64 })
    .then(() => send({ type: "ingest", url, reports, inFlight: 64 }))
    .finally(() => send({ type: "exit" }).catch(() => child.kill()));
}

/** Runs both measurements; a machine without PostgreSQL gets the reason instead of figures. */
export async function benchPostgres(
  config: Config,
  warmUp: ReportInput[],
  reports: ReportInput[],
  rawN: number,
  line: (k: string, v: number, unit: string) => void,
): Promise<PostgresFigures> {
  const schema = `nigrani_bench_${randomBytes(6).toString("hex")}`;
  const url = `${URL_}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  try {
    await withClient(URL_, (c) => c.query(`create schema ${schema}`));
  } catch (err) {
    return { error: `no PostgreSQL at ${URL_}: ${String(err)}` };
  }
  try {
    const rawPerS = await rawInsertsPerSecond(url, rawN);
    line("pg_raw_durable_inserts_per_s", rawPerS, "/s");
    // The same network and consumers as the SQLite run (same seed), so the reports place alike.
    const app = await createApp({ config: { ...config, DATABASE_URL: url } });
    try {
      const base = await app.listen();
      const key = `nk_${randomBytes(24).toString("base64url")}`;
      await app.access.keys.create(
        { name: "bench", channels: [...CHANNELS], ratePerMinute: 100_000 },
        "system:bench",
        key,
      );
      const r = await ingestFromLoadClient(base, warmUp, reports, key);
      if (r.type !== "ingest") throw new Error(`load client answered ${r.type}`);
      line("pg_ingest_http_per_s (64 in flight)", r.perS, "/s");
      line("pg_ingest_ack_p99_ms", r.ackP99, "ms");
      return {
        per_s: round(r.perS),
        raw_per_s: round(rawPerS),
        ratio: round(r.perS / rawPerS),
        ack_p99_ms: round(r.ackP99),
      };
    } finally {
      await app.close();
    }
  } finally {
    await withClient(URL_, (c) => c.query(`drop schema if exists ${schema} cascade`));
  }
}
