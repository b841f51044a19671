import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";
import type { TicketRow } from "../store/store.js";

/**
 * Read-only queries behind the charts and the minister's tiles. Each selects tickets through
 * `ticket_units` so "under unit X" is an index lookup, and returns plain rows; the shaping into
 * buckets happens in charts.ts / summary.ts.
 */

export type StatRow = Pick<
  TicketRow,
  | "id"
  | "category"
  | "status"
  | "created_at"
  | "due_at"
  | "first_resolved_at"
  | "resolved_at"
  | "closed_at"
  | "closure"
  | "sla_state"
> & { unit_id: string };

const COLUMNS = [
  "t.id",
  "t.category",
  "t.status",
  "t.created_at",
  "t.due_at",
  "t.first_resolved_at",
  "t.resolved_at",
  "t.closed_at",
  "t.closure",
  "t.sla_state",
  "tu.unit_id",
] as const;

function base(db: Kysely<Database>, unitIds: string[]) {
  return db
    .selectFrom("ticket_units as tu")
    .innerJoin("tickets as t", "t.id", "tu.ticket_id")
    .select(COLUMNS)
    .where("tu.unit_id", "in", unitIds);
}

/** Tickets under the units created in [from, to). */
export function createdBetween(
  db: Kysely<Database>,
  unitIds: string[],
  from: string,
  to: string,
): Promise<StatRow[]> {
  return base(db, unitIds)
    .where("t.created_at", ">=", from)
    .where("t.created_at", "<", to)
    .execute();
}

/** Tickets under the units whose due time falls in [from, to). */
export function dueBetween(
  db: Kysely<Database>,
  unitIds: string[],
  from: string,
  to: string,
): Promise<StatRow[]> {
  return base(db, unitIds).where("t.due_at", ">=", from).where("t.due_at", "<", to).execute();
}

/** Tickets under the units touched in [from, to): resolved, closed or breached then. */
export function activeBetween(
  db: Kysely<Database>,
  unitIds: string[],
  from: string,
  to: string,
): Promise<StatRow[]> {
  return base(db, unitIds)
    .where((eb) =>
      eb.or([
        eb.and([eb("t.first_resolved_at", ">=", from), eb("t.first_resolved_at", "<", to)]),
        eb.and([eb("t.closed_at", ">=", from), eb("t.closed_at", "<", to)]),
        eb("t.sla_state", "=", "breached"),
      ]),
    )
    .execute();
}

/** Feedback events saying "not fixed" in [from, to), per unit on the ticket's path. */
export async function falseClosuresBetween(
  db: Kysely<Database>,
  unitIds: string[],
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("ticket_events as e")
    .innerJoin("ticket_units as tu", "tu.ticket_id", "e.ticket_id")
    .select(["tu.unit_id", "e.data"])
    .where("e.type", "=", "feedback")
    .where("e.at", ">=", from)
    .where("e.at", "<", to)
    .where("tu.unit_id", "in", unitIds)
    .execute();
  const out = new Map<string, number>();
  for (const r of rows)
    if ((JSON.parse(r.data) as { resolved?: boolean }).resolved === false)
      out.set(r.unit_id, (out.get(r.unit_id) ?? 0) + 1);
  return out;
}

/** Open tickets under the units (one row per unit on the path). */
export function openUnder(db: Kysely<Database>, unitIds: string[]): Promise<StatRow[]> {
  return base(db, unitIds)
    .where("t.status", "in", ["new", "assigned", "in_progress", "resolved", "reopened"])
    .execute();
}
