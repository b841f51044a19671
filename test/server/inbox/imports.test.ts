import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ImportJobView } from "../../../shared/imports.js";
import { apiFetch, startTestServer, type TestServer } from "../../support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const HEADER = "docket_no,received_at,caller_phone,account_no,category,text,district,lat,lon";

/** `good` placed dockets, then one row with a bad date (its line is good + 2). */
function file(tag: string, good: number): string {
  const f = server.app.network.feeders[5];
  const rows = Array.from(
    { length: good },
    (_, i) =>
      `${tag}-${String(i).padStart(4, "0")},2026-11-23 09:15,98765${String(10000 + i).slice(-5)},,supply_cut,No supply since morning ${i},,${f.lat},${f.lon}`,
  );
  return [
    HEADER,
    ...rows,
    `${tag}-BAD,23/11/2026,9876500004,,,Date in the wrong format,,,`,
    "",
  ].join("\r\n");
}

const startImport = (csv: string) =>
  apiFetch(server.url, "/api/v1/imports/call-centre", {
    method: "POST",
    headers: { "content-type": "text/csv", prefer: "respond-async" },
    body: csv,
  });

async function jobWhenDone(location: string): Promise<ImportJobView> {
  let job: ImportJobView | undefined;
  await vi.waitFor(
    async () => {
      const res = await apiFetch(server.url, location);
      job = ((await res.json()) as { job: ImportJobView }).job;
      expect(job.status).not.toBe("pending");
    },
    { timeout: 60_000, interval: 200 },
  );
  return job!;
}

describe("POST /api/v1/imports/call-centre with Prefer: respond-async", () => {
  it("answers 202 with a job at once, then imports in the background with progress and per-line errors", async () => {
    const res = await startImport(file("BG", 250));
    expect(res.status).toBe(202);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/api\/v1\/imports\/\d+$/);
    const { job } = (await res.json()) as { job: ImportJobView };
    expect(job.status).toBe("pending");

    // Progress is readable while it runs (rows done so far, written every 100 rows).
    const seen = new Set<number>();
    await vi.waitFor(
      async () => {
        const now = (
          (await (await apiFetch(server.url, location)).json()) as { job: ImportJobView }
        ).job;
        if (now.rowsDone !== null) seen.add(now.rowsDone);
        expect(now.status).toBe("done");
      },
      { timeout: 60_000, interval: 50 },
    );
    const done = await jobWhenDone(location);
    expect(done.imported).toBe(250);
    expect(done.rowsDone).toBe(251);
    expect(done.rowsTotal).toBe(251);
    expect(done.errors).toEqual([expect.objectContaining({ line: 252, field: "received_at" })]);
    expect(Math.max(...seen)).toBe(251);
  });

  it("records a file it cannot read as a failed job with the reason", async () => {
    const res = await startImport("not,a,known,header\r\n1,2,3,4\r\n");
    expect(res.status).toBe(202);
    const job = await jobWhenDone(res.headers.get("location")!);
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/column/i);
    expect(job.imported).toBe(0);
  });

  it("counts a re-import's dockets as duplicates", async () => {
    const csv = file("AGAIN", 5);
    await jobWhenDone((await startImport(csv)).headers.get("location")!);
    const again = await jobWhenDone((await startImport(csv)).headers.get("location")!);
    expect(again.imported).toBe(0);
    expect(again.duplicates).toBe(5);
  });

  it("answers 404 for an unknown job and 400 naming the id for a malformed one", async () => {
    expect((await apiFetch(server.url, "/api/v1/imports/999999")).status).toBe(404);
    const bad = await apiFetch(server.url, "/api/v1/imports/abc");
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields)).toContain("id");
  });
});
