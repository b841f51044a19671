import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { ShutdownInput, ShutdownStatus, ShutdownView } from "../../shared/notices.js";
import type { Network } from "../network/loaded-network.js";
import type { Database } from "../store/schema.js";
import { runShaped } from "../store/compiled.js";
import { TicketError } from "../tickets/context.js";
import type { NoticeDeps } from "./deps.js";
import { cancelWaiting, planNotices, shutdownSubject } from "./plan.js";
import { consumerRecipients } from "./recipients.js";
import type { ShutdownRow } from "./schema.js";

/**
 * Planned shutdowns: an officer schedules one for some feeders; their consumers are told ahead
 * (SHUTDOWN_NOTICE_LEAD_HOURS before it starts); supply-cut complaints from those feeders inside
 * the window are answered with the notice and their SLA clock starts only when the window ends.
 */

/** A planned shutdown as other modules read it (the public outage page among them). */
export interface PlannedShutdown {
  id: string;
  feederIds: string[];
  /** The lowest unit holding every feeder. */
  unitId: string;
  path: string[];
  reason: string;
  startsAt: string;
  endsAt: string;
  createdAt: string;
  cancelledAt: string | null;
}

export function toPlanned(r: ShutdownRow): PlannedShutdown {
  return {
    id: r.id,
    feederIds: JSON.parse(r.feeders) as string[],
    unitId: r.unit_id,
    path: JSON.parse(r.path) as string[],
    reason: r.reason,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    createdAt: r.created_at,
    cancelledAt: r.cancelled_at,
  };
}

export interface ShutdownQuery {
  /** Only those under way at this instant (ISO time). */
  activeAt?: string;
  /** Only those whose window overlaps [from, to) (ISO times; either may be left open). */
  from?: string;
  to?: string;
  /** Cancelled ones are left out unless asked for. */
  includeCancelled?: boolean;
  /** Latest start first (a screen's list), so the 1,000 read are the newest, not the oldest. */
  newestFirst?: boolean;
}

/**
 * Planned shutdowns, earliest first (or latest first), at most 1,000. The read the public outage page and feed use:
 * `listShutdowns(store, { activeAt: now })` for what is off now, `{ from: now }` for what is coming.
 */
export async function listShutdowns(
  store: { kysely: Kysely<Database> },
  q: ShutdownQuery = {},
): Promise<PlannedShutdown[]> {
  let query = store.kysely.selectFrom("shutdowns").selectAll();
  if (!q.includeCancelled) query = query.where("cancelled_at", "is", null);
  if (q.activeAt)
    query = query.where("starts_at", "<=", q.activeAt).where("ends_at", ">", q.activeAt);
  if (q.from) query = query.where("ends_at", ">", q.from);
  if (q.to) query = query.where("starts_at", "<", q.to);
  const order = q.newestFirst ? "desc" : "asc";
  const rows = await query.orderBy("starts_at", order).orderBy("id", order).limit(1000).execute();
  return rows.map(toPlanned);
}

/**
 * The first instant after `at` when the set of shutdowns under way changes (one starts or ends),
 * null if none is scheduled to. What `listShutdowns(store, { activeAt: at })` said holds until then.
 */
export async function nextShutdownBoundary(
  db: Kysely<Database>,
  at: string,
): Promise<string | null> {
  // A shutdown yet to start ends after it starts, so the earliest end over all of them is safe.
  const row = await db
    .selectFrom("shutdowns")
    .select((eb) => [
      eb.fn
        .min(eb.case().when("starts_at", ">", at).then(eb.ref("starts_at")).end())
        .as("next_start"),
      eb.fn.min("ends_at").as("next_end"),
    ])
    .where("cancelled_at", "is", null)
    .where("ends_at", ">", at)
    .executeTakeFirst();
  const times = [row?.next_start, row?.next_end].filter((t): t is string => !!t);
  return times.length ? times.reduce((a, b) => (a < b ? a : b)) : null;
}

/** The shutdown under way on this feeder at `at`, if any. */
export async function activeShutdownOn(
  db: Kysely<Database>,
  feederId: string,
  at: string,
): Promise<ShutdownRow | undefined> {
  // Asked for every supply-cut report: compiled once (store/compiled.ts).
  const rows = await runShaped(db, "shutdowns.activeAt", [at, at], () =>
    db
      .selectFrom("shutdowns")
      .selectAll()
      .where("cancelled_at", "is", null)
      .where("starts_at", "<=", at)
      .where("ends_at", ">", at),
  );
  return rows.find((r) => (JSON.parse(r.feeders) as string[]).includes(feederId));
}

/** The deepest unit on every feeder's path. */
function commonUnit(network: Network, feederIds: string[]): { id: string; path: string[] } {
  const paths = feederIds.map((id) => network.unit(id)?.path ?? []);
  let common: string[] = paths[0];
  for (const p of paths.slice(1)) {
    let i = 0;
    while (i < common.length && i < p.length && common[i] === p[i]) i++;
    common = common.slice(0, i);
  }
  return { id: common[common.length - 1], path: common };
}

/** Feeder ids the network does not know as feeders (the route answers 400 naming them). */
export function unknownFeeders(network: Network, feederIds: string[]): string[] {
  return feederIds.filter((id) => network.unit(id)?.kind !== "feeder");
}

export async function scheduleShutdown(
  deps: NoticeDeps,
  input: ShutdownInput,
  actor: string,
): Promise<ShutdownRow> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const feederIds = [...new Set(input.feederIds)];
  const endsAt = new Date(input.endsAt).toISOString();
  if (endsAt <= at)
    throw new TicketError(400, "invalid_input", "a shutdown must end in the future", {
      fields: { endsAt: "must be in the future" },
    });
  const unit = commonUnit(deps.network, feederIds);
  const row: ShutdownRow = {
    id: `SHD-${now.getTime().toString(36).toUpperCase()}-${randomBytes(2).toString("hex").toUpperCase()}`,
    feeders: JSON.stringify(feederIds),
    unit_id: unit.id,
    path: JSON.stringify(unit.path),
    reason: input.reason,
    starts_at: new Date(input.startsAt).toISOString(),
    ends_at: endsAt,
    created_by: actor,
    created_at: at,
    cancelled_at: null,
  };
  await deps.db.insertInto("shutdowns").values(row).execute();
  deps.onPublicOutagesChanged?.();
  const tellAt = new Date(
    Math.max(now.getTime(), Date.parse(row.starts_at) - deps.rules.shutdownLeadMs),
  ).toISOString();
  const planned = await planNotices(
    deps.db,
    shutdownSubject(row.id),
    "shutdown",
    await consumerRecipients(deps.db, feederIds),
    tellAt,
    at,
  );
  deps.log.info({ shutdown: row.id, feeders: feederIds.length, planned }, "shutdown scheduled");
  return row;
}

export async function getShutdown(
  db: Kysely<Database>,
  id: string,
): Promise<ShutdownRow | undefined> {
  return db.selectFrom("shutdowns").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Calls a shutdown off; notices not yet sent are not sent. */
export async function cancelShutdown(deps: NoticeDeps, id: string): Promise<ShutdownRow> {
  const row = await getShutdown(deps.db, id);
  if (!row) throw new TicketError(404, "not_found", `no shutdown ${id}`);
  if (row.cancelled_at)
    throw new TicketError(409, "invalid_transition", `shutdown ${id} is already cancelled`);
  const at = deps.clock.now().toISOString();
  if (row.ends_at <= at)
    throw new TicketError(409, "invalid_transition", `shutdown ${id} is already over`);
  await deps.db.updateTable("shutdowns").set({ cancelled_at: at }).where("id", "=", id).execute();
  deps.onPublicOutagesChanged?.();
  await cancelWaiting(deps.db, shutdownSubject(id), "shutdown");
  return { ...row, cancelled_at: at };
}

export function shutdownStatus(s: PlannedShutdown, now: string): ShutdownStatus {
  if (s.cancelledAt) return "cancelled";
  if (s.endsAt <= now) return "ended";
  return s.startsAt <= now ? "active" : "scheduled";
}

/** Does this shutdown touch the unit's subtree (the unit is above, at or below its feeders)? */
export function touchesUnit(network: Network, s: PlannedShutdown, unitId: string): boolean {
  if (s.path.includes(unitId)) return true;
  return s.feederIds.some((f) => network.unit(f)?.path.includes(unitId) ?? false);
}

/** The API's view of shutdowns, with their notice counts (no personal data). */
export async function presentShutdowns(
  db: Kysely<Database>,
  shutdowns: PlannedShutdown[],
  now: string,
): Promise<ShutdownView[]> {
  if (!shutdowns.length) return [];
  const counts = await db
    .selectFrom("notices")
    .select(["subject", "kind", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where(
      "subject",
      "in",
      shutdowns.map((s) => shutdownSubject(s.id)),
    )
    .groupBy(["subject", "kind", "status"])
    .execute();
  return shutdowns.map((s) => {
    const mine = counts.filter((c) => c.subject === shutdownSubject(s.id));
    const sum = (pred: (c: (typeof mine)[number]) => boolean) =>
      mine.filter(pred).reduce((a, c) => a + Number(c.n), 0);
    return {
      id: s.id,
      feeders: s.feederIds,
      unitId: s.unitId,
      reason: s.reason,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: shutdownStatus(s, now),
      createdAt: s.createdAt,
      noticesPlanned: sum((c) => c.kind === "shutdown" && c.status !== "cancelled"),
      noticesQueued: sum((c) => c.kind === "shutdown" && c.status === "queued"),
      reportsAnswered: sum((c) => c.kind === "reply"),
    };
  });
}
