import { Migrator, sql, type ControlledTransaction, type Insertable, type Kysely } from "kysely";
import { OPEN_STATUSES } from "../../shared/domain.js";
import type { Unit } from "../../shared/network.js";
import { lockForTransaction, lockSession, unlockSession } from "./locks.js";
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
  /** Transactions opened here that hold the events lock (PostgreSQL). */
  private readonly eventsLocked = new WeakSet<Kysely<Database>>();
  /** Whether commits may return before they are on disk (see setDurable). */
  private durable = true;

  constructor(db: Kysely<Database>, dialect: Dialect) {
    super(db, dialect);
  }

  /** The Kysely handle, for modules that own their tables (outbox, officers, incidents, settings). */
  get kysely(): Kysely<Database> {
    return this.db;
  }

  async migrate(): Promise<void> {
    // On PostgreSQL the migrator's own tables go in the schema the store uses (the search_path's
    // first), not whichever schema of the database happens to hold a table of that name.
    const schema =
      this.dialect === "postgres"
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(this.db)).rows[0].s
        : undefined;
    const migrator = new Migrator({
      db: this.db,
      provider: migrationProvider(this.dialect),
      migrationTableSchema: schema,
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
  }

  private readonly closers: Array<() => Promise<void>> = [];

  /** Work to finish after the database handle is closed (the SQLite checkpointer's thread). */
  onClose(fn: () => Promise<void>): void {
    this.closers.push(fn);
  }

  async close(): Promise<void> {
    await this.db.destroy();
    for (const fn of this.closers.splice(0)) await fn();
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

  /**
   * A write transaction. On PostgreSQL it first takes the events lock, held until it commits:
   * write transactions that may append events run one after another across every node, so seq is
   * assigned in commit order (a reader never sees N+1 committed before N; see StoreTx.insertEvent)
   * and a command always reads the tickets its predecessors committed. Taking it first, before any
   * row lock, means two writers can never deadlock on it. SQLite has one writer anyway.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === "postgres") await this.beginWrite(trx);
      return fn(new StoreTx(trx, this.dialect, this.dialect === "postgres"));
    });
  }

  private async beginWrite(trx: Kysely<Database>): Promise<void> {
    await lockForTransaction(trx, "events");
    if (!this.durable) await sql`set local synchronous_commit = off`.execute(trx);
  }

  /**
   * While writing what would simply be written again after a crash (the demo's history), commits
   * need not wait for the disk: SQLite's synchronous=OFF, PostgreSQL's synchronous_commit=off on
   * each write transaction. A crash may lose the last commits, never consistency.
   */
  async setDurable(durable: boolean): Promise<void> {
    this.durable = durable;
    if (this.dialect !== "sqlite") return;
    // A file whose WAL this process syncs runs NORMAL; otherwise SQLite syncs (FULL).
    const mode = durable ? (this.sqliteSync ? "NORMAL" : "FULL") : "OFF";
    // Syncs stop before the setting changes and start again after it.
    if (!durable) this.sqliteSync?.setDurable(false);
    await sql.raw(`pragma synchronous = ${mode}`).execute(this.db);
    if (durable) this.sqliteSync?.setDurable(true);
  }

  /**
   * How a SQLite file store makes commits durable when it does not leave it to SQLite's FULL
   * (openSqliteStore: NORMAL with WalSync): told when the demo's history turns that off and on.
   */
  sqliteSync: { setDurable(durable: boolean): void } | null = null;

  /** A transaction the caller commits or rolls back itself (group commit with savepoints). */
  async startTransaction(): Promise<ControlledTransaction<Database>> {
    const trx = await this.db.startTransaction().execute();
    if (this.dialect !== "postgres") return trx;
    try {
      await this.beginWrite(trx);
    } catch (err) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      throw err;
    }
    this.eventsLocked.add(trx);
    return trx;
  }

  txFor(trx: Kysely<Database>): StoreTx {
    return new StoreTx(trx, this.dialect, this.eventsLocked.has(trx));
  }

  /**
   * Holds a lock no other node can take until the returned release is called: seeding an empty
   * database (each seeder writes only what is absent, so a node that waited finds it all there and
   * writes nothing). A session advisory lock on PostgreSQL, on a connection kept out of the pool
   * meanwhile (so a node that dies releases it with its connection); SQLite's file has one process.
   */
  async holdLock(name: "seed"): Promise<() => Promise<void>> {
    if (this.dialect !== "postgres") return async () => undefined;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let acquired!: (err?: unknown) => void;
    const ready = new Promise<void>((resolve, reject) => {
      acquired = (err) => (err === undefined ? resolve() : reject(err));
    });
    const held = this.db.connection().execute(async (conn) => {
      try {
        await lockSession(conn, name);
      } catch (err) {
        acquired(err);
        return;
      }
      acquired();
      await released;
      await unlockSession(conn, name);
    });
    held.catch((err: unknown) => acquired(err));
    await ready;
    return async () => {
      release();
      await held;
    };
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
