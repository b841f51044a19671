import {
  Migrator,
  sql,
  type ControlledTransaction,
  type Insertable,
  type Kysely,
  type Selectable,
  type Updateable,
} from "kysely";
import { OPEN_STATUSES } from "../../shared/domain.js";
import type { Unit } from "../../shared/network.js";
import type { TicketQuery } from "../../shared/schemas.js";
import { migrationProvider, type Dialect } from "./migrations.js";
import type {
  ConsumerTable,
  Database,
  ReportTable,
  TicketEventTable,
  TicketTable,
  UnitTable,
} from "./schema.js";

export type TicketRow = Selectable<TicketTable>;
export type ReportRow = Selectable<ReportTable>;
export type EventRow = Selectable<TicketEventTable>;
export type ConsumerRow = Selectable<ConsumerTable>;
export type NewEvent = {
  type: string;
  at: string;
  actor: string | null;
  data: Record<string, unknown>;
};

const OPEN = [...OPEN_STATUSES] as string[];

/** Read queries, usable on the store and inside a transaction alike. */
export class StoreReader {
  constructor(protected readonly db: Kysely<Database>) {}

  async findReportByIdempotencyKey(key: string): Promise<ReportRow | undefined> {
    return this.db
      .selectFrom("reports")
      .selectAll()
      .where("idempotency_key", "=", key)
      .executeTakeFirst();
  }

  async findReportByExternalId(
    channel: string,
    externalId: string,
  ): Promise<ReportRow | undefined> {
    return this.db
      .selectFrom("reports")
      .selectAll()
      .where("channel", "=", channel)
      .where("external_id", "=", externalId)
      .executeTakeFirst();
  }

  async getTicket(id: number): Promise<TicketRow | undefined> {
    return this.db.selectFrom("tickets").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async getTicketByNumber(number: string): Promise<TicketRow | undefined> {
    return this.db
      .selectFrom("tickets")
      .selectAll()
      .where("number", "=", number)
      .executeTakeFirst();
  }

  async findConsumer(account: string): Promise<ConsumerRow | undefined> {
    return this.db
      .selectFrom("consumers")
      .selectAll()
      .where("account", "=", account)
      .executeTakeFirst();
  }

  /** The consumer's (or phone's) most recent open ticket of a category, for joining duplicates. */
  async findOpenTicketOf(
    by: { account?: string | null; phone?: string | null },
    category: string | null,
    since: string,
  ): Promise<TicketRow | undefined> {
    if (!by.account && !by.phone) return undefined;
    let q = this.db
      .selectFrom("tickets")
      .selectAll()
      .where("status", "in", OPEN)
      .where("created_at", ">=", since)
      .where((eb) =>
        eb.or([
          ...(by.account ? [eb("consumer_account", "=", by.account)] : []),
          ...(by.phone ? [eb("phone", "=", by.phone)] : []),
        ]),
      );
    q = category === null ? q.where("category", "is", null) : q.where("category", "=", category);
    return q.orderBy("id", "desc").executeTakeFirst();
  }

  async openSupplyCutsOn(feederIds: string[]): Promise<TicketRow[]> {
    return this.db
      .selectFrom("tickets")
      .selectAll()
      .where("feeder_id", "in", feederIds)
      .where("category", "=", "supply_cut")
      .where("status", "in", OPEN)
      .where("incident_id", "is", null)
      .execute();
  }

  async openTicketsOfIncident(incidentId: string): Promise<TicketRow[]> {
    return this.db
      .selectFrom("tickets")
      .selectAll()
      .where("incident_id", "=", incidentId)
      .where("status", "in", OPEN)
      .execute();
  }
}

/** The writes commands make, all inside one transaction. */
export class StoreTx extends StoreReader {
  /** The transaction's Kysely handle, for modules (outbox, incidents) that write their own tables. */
  get kysely(): Kysely<Database> {
    return this.db;
  }

  async insertReport(row: Insertable<ReportTable>): Promise<void> {
    await this.db.insertInto("reports").values(row).execute();
  }

  async insertTicket(row: Insertable<TicketTable>): Promise<number> {
    const r = await this.db
      .insertInto("tickets")
      .values(row)
      .returning("id")
      .executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async updateTicket(id: number, patch: Updateable<TicketTable>): Promise<void> {
    await this.db.updateTable("tickets").set(patch).where("id", "=", id).execute();
  }

  /** Records the ticket's place in the hierarchy (replacing the old one when it moves). */
  async setTicketUnits(ticketId: number, path: string[]): Promise<void> {
    await this.db.deleteFrom("ticket_units").where("ticket_id", "=", ticketId).execute();
    await this.db
      .insertInto("ticket_units")
      .values(path.map((unit_id) => ({ unit_id, ticket_id: ticketId })))
      .execute();
  }

  async insertEvent(ticketId: number, path: string[], e: NewEvent): Promise<EventRow> {
    const row = await this.db
      .insertInto("ticket_events")
      .values({
        ticket_id: ticketId,
        type: e.type,
        at: e.at,
        actor: e.actor,
        data: JSON.stringify(e.data),
        path: JSON.stringify(path),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...row, seq: Number(row.seq) };
  }
}

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

  /** Tickets the projections must count: open ones, and any created or resolved since `since`. */
  async ticketsForProjection(since: string): Promise<TicketRow[]> {
    return this.db
      .selectFrom("tickets")
      .selectAll()
      .where((eb) =>
        eb.or([
          eb("status", "in", OPEN),
          eb("created_at", ">=", since),
          eb("resolved_at", ">=", since),
        ]),
      )
      .execute();
  }

  async openTicketsUnder(
    unitId: string,
    order: "recent" | "urgent",
    limit: number,
  ): Promise<TicketRow[]> {
    let q = this.db
      .selectFrom("tickets")
      .selectAll()
      .where("status", "in", OPEN)
      .where("id", "in", (eb) =>
        eb.selectFrom("ticket_units").select("ticket_id").where("unit_id", "=", unitId),
      );
    q =
      order === "recent"
        ? q.orderBy("id", "desc")
        : q.orderBy("due_at", "asc").orderBy("id", "asc");
    return q.limit(limit).execute();
  }

  async listTickets(
    query: TicketQuery,
  ): Promise<{ rows: TicketRow[]; total: number; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    let base = this.db.selectFrom("tickets");
    if (query.unit) {
      const unit = query.unit;
      base = base.where("id", "in", (eb) =>
        eb.selectFrom("ticket_units").select("ticket_id").where("unit_id", "=", unit),
      );
    }
    if (query.status) base = base.where("status", "=", query.status);
    if (query.open === "true") base = base.where("status", "in", OPEN);
    if (query.open === "false") base = base.where("status", "not in", OPEN);
    if (query.category === "uncategorised") base = base.where("category", "is", null);
    else if (query.category) base = base.where("category", "=", query.category);
    if (query.sla) base = base.where("sla_state", "=", query.sla);
    if (query.channel) base = base.where("channel", "=", query.channel);
    if (query.needsTriage)
      base = base.where("needs_triage", "=", query.needsTriage === "true" ? 1 : 0);
    if (query.q) {
      const like = `%${query.q.replace(/[%_\\]/g, (m) => "\\" + m)}%`;
      base = base.where((eb) =>
        eb.or([
          eb("excerpt", "like", like),
          eb("number", "like", like),
          eb("consumer_account", "=", query.q!),
        ]),
      );
    }
    const totalRow = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
    let page = base.selectAll();
    if (query.cursor) page = page.where("id", "<", Number(query.cursor));
    const rows = await page
      .orderBy("id", "desc")
      .limit(limit + 1)
      .execute();
    const more = rows.length > limit;
    if (more) rows.pop();
    return {
      rows,
      total: Number(totalRow?.n ?? 0),
      nextCursor: more ? String(rows[rows.length - 1].id) : null,
    };
  }

  async reportsOfTicket(ticketId: number): Promise<ReportRow[]> {
    return this.db
      .selectFrom("reports")
      .selectAll()
      .where("ticket_id", "=", ticketId)
      .orderBy("received_at")
      .execute();
  }

  async eventsOfTicket(ticketId: number): Promise<EventRow[]> {
    return this.db
      .selectFrom("ticket_events")
      .selectAll()
      .where("ticket_id", "=", ticketId)
      .orderBy("seq")
      .execute();
  }

  /** Events with afterSeq < seq <= untilSeq, oldest first, at most `limit`. */
  async eventsBetween(afterSeq: number, untilSeq: number, limit: number): Promise<EventRow[]> {
    return this.db
      .selectFrom("ticket_events")
      .selectAll()
      .where("seq", ">", afterSeq)
      .where("seq", "<=", untilSeq)
      .orderBy("seq")
      .limit(limit)
      .execute();
  }

  async ticketsByIds(ids: number[]): Promise<TicketRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom("tickets").selectAll().where("id", "in", ids).execute();
  }

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
    if (q.categories?.length) sel = sel.where("category", "in", q.categories);
    if (q.statuses && "in" in q.statuses) sel = sel.where("status", "in", q.statuses.in);
    if (q.statuses && "notIn" in q.statuses) sel = sel.where("status", "not in", q.statuses.notIn);
    return sel.orderBy("id", "desc").limit(q.limit).execute();
  }
}

export function unitFromRow(r: Selectable<UnitTable>): Unit {
  const u: Unit = {
    id: r.id,
    kind: r.kind as Unit["kind"],
    parentId: r.parent_id,
    name: r.name,
    nameHi: r.name_hi,
    lat: r.lat,
    lon: r.lon,
    path: JSON.parse(r.path) as string[],
    districtId: r.district_id,
    synthetic: r.synthetic === 1,
  };
  if (r.kind === "feeder") {
    u.urban = r.urban === 1;
    u.aClass = r.a_class === 1;
  }
  if (r.code) u.code = r.code;
  return u;
}

function unitToRow(u: Unit): Insertable<UnitTable> {
  return {
    id: u.id,
    kind: u.kind,
    parent_id: u.parentId,
    name: u.name,
    name_hi: u.nameHi,
    lat: u.lat,
    lon: u.lon,
    path: JSON.stringify(u.path),
    district_id: u.districtId,
    urban: u.urban ? 1 : 0,
    a_class: u.aClass ? 1 : 0,
    synthetic: u.synthetic ? 1 : 0,
    code: u.code ?? null,
  };
}

function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let buf: T[] = [];
  for (const item of items) {
    buf.push(item);
    if (buf.length === size) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length) yield buf;
}
