import { Migrator, sql, type ControlledTransaction, type Insertable, type Kysely } from "kysely";
import { OPEN_STATUSES } from "../../shared/domain.js";
import type { Unit } from "../../shared/network.js";
import { migrationProvider, type Dialect } from "./migrations.js";
import type { ConsumerTable, Database } from "./schema.js";

import type { ConsumerRow, EventRow, TicketRow } from "./rows.js";
import { chunks, unitFromRow, unitToRow } from "./rows.js";
import { StoreReader } from "./reader.js";
import { StoreTx } from "./tx.js";

export * from "./rows.js";
export { StoreReader } from "./reader.js";
export { StoreTx } from "./tx.js";

const OPEN = [...OPEN_STATUSES] as string[];

/** The store: Nigrani's one persistence interface, the same on SQLite and PostgreSQL. */
export class Store extends StoreReader {
  constructor(
    db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {
    super(db);
  }

  /** The Kysely handle, for modules that own their tables (outbox, officers, incidents, settings). */
  get kysely(): Kysely<Database> {
    return this.db;
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.dialect) });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async ping(): Promise<boolean> {
    await sql`select 1`.execute(this.db);
    return true;
  }

  /** Commits a tiny write: fails when the disk is full, read-only or the database locked. */
  async probeWrite(at: string): Promise<void> {
    await this.db
      .insertInto("meta")
      .values({ key: "healthz", value: at })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: at }))
      .execute();
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new StoreTx(trx)));
  }

  /** A transaction the caller commits or rolls back itself (group commit with savepoints). */
  startTransaction(): Promise<ControlledTransaction<Database>> {
    return this.db.startTransaction().execute();
  }

  txFor(trx: Kysely<Database>): StoreTx {
    return new StoreTx(trx);
  }

  // --- network ---------------------------------------------------------------------------------

  async unitCount(): Promise<number> {
    const r = await this.db
      .selectFrom("units")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async loadUnits(): Promise<Unit[]> {
    const rows = await this.db.selectFrom("units").selectAll().execute();
    return rows.map(unitFromRow);
  }

  /** Replaces the whole network and its consumers in one transaction: all or nothing. */
  async replaceNetwork(
    units: Unit[],
    consumers: Iterable<Insertable<ConsumerTable>>,
    meta: Record<string, string>,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("consumers").execute();
      await trx.deleteFrom("units").execute();
      for (const chunk of chunks(units.map(unitToRow), 500))
        await trx.insertInto("units").values(chunk).execute();
      for (const chunk of chunks(consumers, 1000))
        await trx.insertInto("consumers").values(chunk).execute();
      for (const [key, value] of Object.entries(meta)) {
        await trx
          .insertInto("meta")
          .values({ key, value })
          .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
          .execute();
      }
    });
  }

  async getMeta(key: string): Promise<string | undefined> {
    const r = await this.db
      .selectFrom("meta")
      .select("value")
      .where("key", "=", key)
      .executeTakeFirst();
    return r?.value;
  }

  /** A consumer on a feeder, picked by a number in [0, 1) (for the simulator). */
  async consumerOnFeeder(feederId: string, rnd: number): Promise<ConsumerRow | undefined> {
    const r = await this.db
      .selectFrom("consumers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("feeder_id", "=", feederId)
      .executeTakeFirst();
    const n = Number(r?.n ?? 0);
    if (n === 0) return undefined;
    return this.db
      .selectFrom("consumers")
      .selectAll()
      .where("feeder_id", "=", feederId)
      .orderBy("account")
      .offset(Math.floor(rnd * n))
      .limit(1)
      .executeTakeFirst();
  }

  // --- tickets ---------------------------------------------------------------------------------

  /** Tickets under a unit received in [from, to), plus any still open. */
  async ticketsForScorecard(unitId: string, from: string, to: string): Promise<TicketRow[]> {
    return this.db
      .selectFrom("tickets")
      .selectAll()
      .where("id", "in", (eb) =>
        eb.selectFrom("ticket_units").select("ticket_id").where("unit_id", "=", unitId),
      )
      .where((eb) =>
        eb.or([
          eb.and([eb("created_at", ">=", from), eb("created_at", "<", to)]),
          eb("status", "in", OPEN),
        ]),
      )
      .execute();
  }

  async eventsOfTickets(ticketIds: number[], types: string[]): Promise<EventRow[]> {
    const out: EventRow[] = [];
    for (let i = 0; i < ticketIds.length; i += 500) {
      const chunk = ticketIds.slice(i, i + 500);
      out.push(
        ...(await this.db
          .selectFrom("ticket_events")
          .selectAll()
          .where("ticket_id", "in", chunk)
          .where("type", "in", types)
          .orderBy("seq")
          .execute()),
      );
    }
    return out;
  }

  /** Supply-cut tickets per feeder in [since, until): each feeder's normal rate. */
  async supplyCutHistory(
    since: string,
    until: string,
  ): Promise<Array<{ feeder_id: string | null; n: number }>> {
    const rows = await this.db
      .selectFrom("tickets")
      .select(["feeder_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("category", "=", "supply_cut")
      .where("created_at", ">=", since)
      .where("created_at", "<", until)
      .where("feeder_id", "is not", null)
      .groupBy("feeder_id")
      .execute();
    return rows.map((r) => ({ feeder_id: r.feeder_id, n: Number(r.n) }));
  }

  async supplyCutsSince(since: string): Promise<TicketRow[]> {
    return this.db
      .selectFrom("tickets")
      .selectAll()
      .where("category", "=", "supply_cut")
      .where("created_at", ">=", since)
      .execute();
  }

  /** Consumers per feeder (one grouped query; summed per district by the caller). */
  async consumersPerFeeder(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom("consumers")
      .select(["feeder_id", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("feeder_id")
      .execute();
    return new Map(rows.map((r) => [r.feeder_id, Number(r.n)]));
  }

  async consumersOn(feederIds: string[]): Promise<number> {
    if (feederIds.length === 0) return 0;
    const r = await this.db
      .selectFrom("consumers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("feeder_id", "in", feederIds)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async maxSeq(): Promise<number> {
    const r = await this.db
      .selectFrom("ticket_events")
      .select((eb) => eb.fn.max("seq").as("m"))
      .executeTakeFirst();
    return Number(r?.m ?? 0);
  }

  /** Ids of tickets in `statuses` whose `column` time has come by `now`, earliest first. */
  async ticketsDueFor(
    column: "next_escalation_at" | "confirm_by",
    statuses: string[],
    now: string,
    limit: number,
  ): Promise<number[]> {
    const rows = await this.db
      .selectFrom("tickets")
      .select("id")
      .where("status", "in", statuses)
      .where(column, "<=", now)
      .orderBy(column)
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Active tickets (not waiting for the consumer) whose SLA state is due to move on by `now`. */
  async ticketsDueForSla(now: string, limit: number): Promise<TicketRow[]> {
    return this.db
      .selectFrom("tickets")
      .selectAll()
      .where("status", "in", ["new", "assigned", "in_progress", "reopened"])
      .where((eb) =>
        eb.or([
          eb.and([eb("sla_state", "=", "on_track"), eb("at_risk_at", "<=", now)]),
          eb.and([eb("sla_state", "!=", "breached"), eb("due_at", "<=", now)]),
        ]),
      )
      .orderBy("due_at")
      .limit(limit)
      .execute();
  }

  /**
   * Tickets for Open311's GET requests, newest first: by numbers, or received in [from, to) with
   * optional categories and statuses.
   */
  async ticketsForOpen311(q: {
    numbers?: string[];
    from?: string;
    to?: string;
    categories?: string[];
    /** With `categories`: also tickets with no category yet (Open311's "unclassified"). */
    uncategorised?: boolean;
    statuses?: { in: string[] } | { notIn: string[] };
    limit: number;
  }): Promise<TicketRow[]> {
    let sel = this.db.selectFrom("tickets").selectAll();
    if (q.numbers) {
      if (q.numbers.length === 0) return [];
      sel = sel.where("number", "in", q.numbers);
    }
    if (q.from) sel = sel.where("created_at", ">=", q.from);
    if (q.to) sel = sel.where("created_at", "<", q.to);
    const cats = q.categories ?? [];
    if (cats.length && q.uncategorised)
      sel = sel.where((eb) => eb.or([eb("category", "in", cats), eb("category", "is", null)]));
    else if (cats.length) sel = sel.where("category", "in", cats);
    else if (q.uncategorised) sel = sel.where("category", "is", null);
    if (q.statuses && "in" in q.statuses) sel = sel.where("status", "in", q.statuses.in);
    if (q.statuses && "notIn" in q.statuses) sel = sel.where("status", "not in", q.statuses.notIn);
    return sel.orderBy("id", "desc").limit(q.limit).execute();
  }
}
