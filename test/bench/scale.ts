/**
 * The bench's scale step (`--scale`): a store holding `open` open tickets and `history` closed
 * ones, written with bulk inserts straight into SQLite (minutes of ingest would prove nothing
 * here), then the two figures that depend on its size: a cold start of the app on it (counts read
 * from SQL once) and the whole network's live snapshot.
 */
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { createApp } from "../../server/app.js";
import type { Config } from "../../server/config.js";
import { buildSnapshot } from "../../server/live/sync.js";
import { RecentChanges } from "../../server/live/recent-changes.js";
import { CATEGORY_IDS } from "../../shared/domain.js";

export interface ScaleFigures {
  open: number;
  history: number;
  buildS: number;
  coldStartS: number;
  snapshotMs: number;
  snapshotBytes: number;
  snapshotOpen: number;
}

const DAY = 86_400_000;

/** Writes the tickets and their places in the hierarchy in one transaction per 50,000. */
function fill(
  file: string,
  feeders: Array<{ id: string; path: string[]; districtId: string | null }>,
  open: number,
  history: number,
): void {
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const start = (db.prepare("select coalesce(max(id), 0) as m from tickets").get() as { m: number })
    .m;
  const insert = db.prepare(
    `insert into tickets (id, number, status, category, confidence, channel, feeder_id, path, district_id,
      needs_triage, sla_state, created_at, due_at, at_risk_at, updated_at, resolved_at, closed_at, excerpt,
      report_count, escalation_level, last_seq, otp_attempts, false_closures, next_escalation_at)
     values (?, ?, ?, ?, 0.9, 'call_centre', ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, 0, 0, 0, ?)`,
  );
  const unit = db.prepare("insert into ticket_units (unit_id, ticket_id) values (?, ?)");
  const categories = CATEGORY_IDS;
  const now = Date.now();
  const total = open + history;
  for (let from = 0; from < total; from += 50_000) {
    db.transaction(() => {
      for (let i = from; i < Math.min(from + 50_000, total); i++) {
        const id = start + i + 1;
        const f = feeders[i % feeders.length];
        const isOpen = i >= history;
        // History spreads over the last year; open tickets over the last two days.
        const created = new Date(
          isOpen ? now - ((i * 7919) % (2 * DAY)) : now - 3 * DAY - ((i * 7919) % (360 * DAY)),
        );
        const due = new Date(created.getTime() + DAY).toISOString();
        const at = created.toISOString();
        const closed = isOpen ? null : new Date(created.getTime() + DAY / 2).toISOString();
        insert.run(
          id,
          `SCL-${id}`,
          isOpen ? (i % 3 === 0 ? "in_progress" : "assigned") : "closed",
          categories[i % categories.length],
          f.id,
          JSON.stringify(f.path),
          f.districtId,
          isOpen && i % 5 === 0 ? "breached" : "on_track",
          at,
          due,
          at,
          closed ?? at,
          closed,
          closed,
          `Scale ticket ${id}`,
          isOpen ? due : null,
        );
        for (const u of f.path) unit.run(u, id);
      }
    })();
  }
  db.close();
}

export async function scaleFigures(
  config: Config,
  open: number,
  history: number,
): Promise<ScaleFigures> {
  // The first start creates the store and the network; the tickets go in while it is closed.
  let app = await createApp({ config });
  const feeders = app.network.feeders.map((f) => ({
    id: f.id,
    path: f.path,
    districtId: f.districtId ?? null,
  }));
  await app.close();
  let t0 = performance.now();
  fill(path.join(config.DATA_DIR, "nigrani.sqlite"), feeders, open, history);
  const buildS = (performance.now() - t0) / 1000;

  t0 = performance.now();
  app = await createApp({ config });
  const coldStartS = (performance.now() - t0) / 1000;
  try {
    // Twice: the first read warms SQLite's page cache, as a running server's would be.
    await buildSnapshot({ ...app, recent: new RecentChanges() }, "network");
    t0 = performance.now();
    const snap = await buildSnapshot({ ...app, recent: new RecentChanges() }, "network");
    const snapshotMs = performance.now() - t0;
    return {
      open,
      history,
      buildS,
      coldStartS,
      snapshotMs,
      snapshotBytes: Buffer.byteLength(JSON.stringify(snap)),
      snapshotOpen: snap.unit.open,
    };
  } finally {
    await app.close();
    fs.rmSync(config.DATA_DIR, { recursive: true, force: true });
  }
}
