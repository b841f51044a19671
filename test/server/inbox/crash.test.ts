import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { startChildServer, type ChildServer } from "../../support/child-server.js";
import { postReport } from "../../support/server.js";
import { signed, whatsappDelivery } from "./deliveries.js";

const SECRET = "crash-test-secret";
const dirs: string[] = [];
const children: ChildServer[] = [];
afterAll(async () => {
  for (const c of children) await c.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function start(dataDir: string, port: number): Promise<ChildServer> {
  const c = await startChildServer(dataDir, port, {
    WHATSAPP_APP_SECRET: SECRET,
    WEBHOOK_INBOX: "on",
  });
  children.push(c);
  return c;
}

/** Reads the store of a stopped (or running: WAL lets a reader in) server directly. */
function query<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(path.join(dataDir, "nigrani.sqlite"), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const pendingIn = (dir: string) =>
  query<{ n: number }>(dir, "select count(*) as n from inbox where status = 'pending'")[0].n;

describe("kill -9", () => {
  it("during a 1,000-message webhook batch: after restart the inbox finishes it, each message once", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-crash-inbox-"));
    dirs.push(dir);
    let server = await start(dir, 3105);
    const body = whatsappDelivery(1000, "crash");
    // Webhooks keep their own signatures, so raw fetch.
    const res = await fetch(`${server.url}/webhooks/whatsapp`, {
      method: "POST",
      headers: signed(body, SECRET),
      body,
    });
    expect(res.status).toBe(200);
    // Let the worker save its progress at least once, then pull the plug.
    const messagesDone = () =>
      query<{ n: number }>(dir, "select messages_done as n from inbox")[0].n;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && messagesDone() === 0)
      await new Promise((r) => setTimeout(r, 20));
    await server.kill9();
    const filedBefore = query<{ n: number }>(dir, "select count(*) as n from reports")[0].n;
    const doneBefore = messagesDone();
    expect(doneBefore).toBeGreaterThan(0);
    expect(filedBefore).toBeGreaterThanOrEqual(doneBefore);
    expect(filedBefore).toBeLessThan(1000);
    expect(pendingIn(dir)).toBe(1);

    server = await start(dir, 3105);
    while (pendingIn(dir) > 0) await new Promise((r) => setTimeout(r, 250));
    await server.stop();
    const rows = query<{ external_id: string; n: number }>(
      dir,
      "select external_id, count(*) as n from reports where channel = 'whatsapp' group by external_id",
    );
    expect(rows).toHaveLength(1000);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    // Resumed where it stopped and finished: every message accounted for, none failed.
    expect(
      query<{ status: string; messages_done: number }>(
        dir,
        "select status, messages_done from inbox",
      ),
    ).toEqual([{ status: "done", messages_done: 1000 }]);
    expect(query<{ n: number }>(dir, "select count(*) as n from inbox_failures")[0].n).toBe(0);
  }, 600_000);

  it("during a stream of POSTs: every acknowledged report is present exactly once after restart", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-crash-posts-"));
    dirs.push(dir);
    let server = await start(dir, 3106);
    const acked: string[] = [];
    let stop = false;
    const streams = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const externalId = `stream-${w}-${i}`;
        try {
          const res = await postReport(server.url, {
            channel: "app",
            text: `no supply in the colony since noon (${externalId})`,
            externalId,
          });
          if (res.status === 201 || res.status === 200) acked.push(externalId);
        } catch {
          return; // The connection died with the server.
        }
      }
    });
    while (acked.length < 60) await new Promise((r) => setTimeout(r, 20));
    await server.kill9();
    stop = true;
    await Promise.all(streams);

    server = await start(dir, 3106);
    await server.stop();
    const rows = query<{ external_id: string; n: number }>(
      dir,
      "select external_id, count(*) as n from reports where channel = 'app' group by external_id",
    );
    const stored = new Map(rows.map((r) => [r.external_id, r.n]));
    for (const id of acked) expect(stored.get(id)).toBe(1);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  }, 600_000);
});
