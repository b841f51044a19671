import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { ImportJobView } from "../../../shared/imports.js";
import { startChildServer, type ChildServer } from "../../support/child-server.js";
import { DEMO_INTAKE_KEY } from "../../support/auth.js";

const dirs: string[] = [];
const children: ChildServer[] = [];
afterAll(async () => {
  for (const c of children) await c.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const HEADER = "docket_no,received_at,caller_phone,account_no,category,text,district,lat,lon";
const ROWS = 1000;
/** The line (in the file, header = 1) of the one row with a date in the wrong format. */
const BAD_LINE = 502;

function csv(): string {
  const rows = Array.from({ length: ROWS }, (_, i) =>
    i === BAD_LINE - 2
      ? `KILL-BAD,23/11/2026,9876500004,,,Date in the wrong format,,,`
      : `KILL-${String(i).padStart(4, "0")},2026-11-23 09:15,98765${String(10000 + i).slice(-5)},,supply_cut,No supply since morning ${i},,,`,
  );
  return [HEADER, ...rows, ""].join("\r\n");
}

function query<T>(dataDir: string, sql: string): T[] {
  const db = new BetterSqlite3(path.join(dataDir, "nigrani.sqlite"), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const savedRowsDone = (dir: string): number => {
  const [row] = query<{ summary: string | null }>(dir, "select summary from inbox");
  return row?.summary ? (JSON.parse(row.summary) as { rowsDone: number }).rowsDone : 0;
};

describe("kill -9 during a background 1912 CSV import", () => {
  it("resumes after its saved progress: every docket filed once, the bad line reported once", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-crash-import-"));
    dirs.push(dir);
    let server = await startChildServer(dir, 3107);
    children.push(server);
    const res = await fetch(`${server.url}/api/v1/imports/call-centre`, {
      method: "POST",
      headers: {
        "content-type": "text/csv",
        prefer: "respond-async",
        "x-api-key": DEMO_INTAKE_KEY,
      },
      body: csv(),
    });
    expect(res.status).toBe(202);
    const location = res.headers.get("location")!;

    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && savedRowsDone(dir) === 0)
      await new Promise((r) => setTimeout(r, 20));
    await server.kill9();
    const doneBefore = savedRowsDone(dir);
    const filedAtKill = query<{ n: number }>(dir, "select count(*) as n from reports")[0].n;
    expect(doneBefore).toBeGreaterThan(0);
    expect(doneBefore).toBeLessThan(ROWS);

    server = await startChildServer(dir, 3107);
    children.push(server);
    let job: ImportJobView | undefined;
    while (!job || job.status === "pending") {
      await new Promise((r) => setTimeout(r, 250));
      const r = await fetch(`${server.url}${location}`, {
        headers: { "x-api-key": DEMO_INTAKE_KEY },
      });
      job = ((await r.json()) as { job: ImportJobView }).job;
    }
    await server.stop();

    expect(job.status).toBe("done");
    expect(job.rowsDone).toBe(ROWS);
    expect(job.imported + job.duplicates).toBe(ROWS - 1);
    // Resumed after the saved rows, not from the top: only the rows filed in the window the crash
    // interrupted are met again (as known dockets).
    const filedInSavedRows = doneBefore - (BAD_LINE - 2 < doneBefore ? 1 : 0);
    expect(job.duplicates).toBe(filedAtKill - filedInSavedRows);
    expect(job.errors).toEqual([expect.objectContaining({ line: BAD_LINE, field: "received_at" })]);
    const dockets = query<{ external_id: string; n: number }>(
      dir,
      "select external_id, count(*) as n from reports where channel = 'call_centre' group by external_id",
    );
    expect(dockets).toHaveLength(ROWS - 1);
    expect(dockets.every((d) => d.n === 1)).toBe(true);
  }, 600_000);
});
