import type { Kysely } from "kysely";
import type { IncidentView } from "../../shared/live.js";
import type { Database, IncidentRow } from "../store/schema.js";
import { runShaped } from "../store/compiled.js";

/** Store access and presentation for incidents (the table is written only by incident commands). */

export async function openIncidentOn(
  db: Kysely<Database>,
  substationId: string,
  feederId: string,
): Promise<IncidentRow | undefined> {
  // Asked for every new ticket on a feeder: compiled once (store/compiled.ts).
  const rows = await runShaped(db, "incidents.openOn", ["open", substationId], () =>
    db
      .selectFrom("incidents")
      .selectAll()
      .where("status", "=", "open")
      .where("substation_id", "=", substationId),
  );
  return rows.find((r) => (JSON.parse(r.feeders) as string[]).includes(feederId));
}

export async function openIncidents(db: Kysely<Database>): Promise<IncidentRow[]> {
  return db.selectFrom("incidents").selectAll().where("status", "=", "open").execute();
}

export async function getIncident(
  db: Kysely<Database>,
  id: string,
): Promise<IncidentRow | undefined> {
  const [row] = await runShaped(db, "incidents.byId", [id], () =>
    db.selectFrom("incidents").selectAll().where("id", "=", id),
  );
  return row;
}

export async function listIncidents(
  db: Kysely<Database>,
  opts: { unit?: string; status?: "open" | "resolved"; limit: number },
): Promise<IncidentRow[]> {
  let q = db.selectFrom("incidents").selectAll();
  if (opts.status) q = q.where("status", "=", opts.status);
  const unit = opts.unit;
  // The path is a JSON array of ids: narrow in SQL, then check exactly ('_' is a LIKE wildcard).
  if (unit) q = q.where("path", "like", `%"${unit.replace(/[%\\]/g, "")}"%`);
  const rows = await q
    .orderBy("started_at", "desc")
    .limit(opts.limit * 2)
    .execute();
  return (unit ? rows.filter((r) => (JSON.parse(r.path) as string[]).includes(unit)) : rows).slice(
    0,
    opts.limit,
  );
}

export async function saveIncident(
  db: Kysely<Database>,
  row: IncidentRow,
  isNew: boolean,
): Promise<void> {
  if (isNew) await db.insertInto("incidents").values(row).execute();
  else await db.updateTable("incidents").set(row).where("id", "=", row.id).execute();
}

export function presentIncident(r: IncidentRow): IncidentView {
  return {
    id: r.id,
    status: r.status as IncidentView["status"],
    feederId: r.feeder_id,
    substationId: r.substation_id,
    feeders: JSON.parse(r.feeders) as string[],
    path: JSON.parse(r.path) as string[],
    startedAt: r.started_at,
    resolvedAt: r.resolved_at,
    reportCount: r.report_count,
    ticketCount: r.ticket_count,
    consumersAffected: r.consumers_affected,
    seq: r.last_seq,
  };
}
