import { normalisePhone } from "../tickets/phone.js";
import { type Kysely } from "kysely";
import { OPEN_STATUSES, ROOT_UNIT_ID } from "../../shared/domain.js";
import type { TicketQuery } from "../../shared/schemas.js";
import { containsText } from "./like.js";
import type { Dialect } from "./migrations.js";
import type { Database } from "./schema.js";

import type { ConsumerRow, EventRow, ReportRow, TicketRow } from "./rows.js";
import { runShaped } from "./compiled.js";
import { fixedLimit } from "./limit.js";

const OPEN = [...OPEN_STATUSES] as string[];

/** Read queries, usable on the store and inside a transaction alike. */
export class StoreReader {
  constructor(
    protected readonly db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {}

  /**
   * Inside a PostgreSQL transaction a command's read of the ticket it is about to change takes the
   * row lock (SELECT ... FOR UPDATE), so a concurrent command on the same ticket waits for this
   * one's commit and then reads what it wrote instead of overwriting it. SQLite has one writer.
   */
  protected get locksTickets(): boolean {
    return false;
  }

  // The lookups every report makes use precompiled shapes (see compiled.ts).

  async findReportByIdempotencyKey(key: string): Promise<ReportRow | undefined> {
    const [row] = await runShaped(this.db, "reports.byIdempotencyKey", [key], () =>
      this.db.selectFrom("reports").selectAll().where("idempotency_key", "=", key),
    );
    return row;
  }

  async findReportByExternalId(
    channel: string,
    externalId: string,
  ): Promise<ReportRow | undefined> {
    const [row] = await runShaped(this.db, "reports.byExternalId", [channel, externalId], () =>
      this.db
        .selectFrom("reports")
        .selectAll()
        .where("channel", "=", channel)
        .where("external_id", "=", externalId),
    );
    return row;
  }

  async getTicket(id: number): Promise<TicketRow | undefined> {
    const byId = () => this.db.selectFrom("tickets").selectAll().where("id", "=", id);
    // Inside a PostgreSQL write transaction the row is locked until commit (see tx.ts).
    if (this.locksTickets) return byId().forUpdate().executeTakeFirst();
    const [row] = await runShaped(this.db, "tickets.byId", [id], byId);
    return row;
  }

  async getTicketByNumber(number: string): Promise<TicketRow | undefined> {
    const q = this.db.selectFrom("tickets").selectAll().where("number", "=", number);
    return (this.locksTickets ? q.forUpdate() : q).executeTakeFirst();
  }

  async findConsumer(account: string): Promise<ConsumerRow | undefined> {
    const [row] = await runShaped(this.db, "consumers.byAccount", [account], () =>
      this.db.selectFrom("consumers").selectAll().where("account", "=", account),
    );
    return row;
  }

  /** The consumer's (or phone's) most recent open ticket of a category, for joining duplicates. */
  async findOpenTicketOf(
    by: { account?: string | null; phone?: string | null },
    category: string | null,
    since: string,
  ): Promise<TicketRow | undefined> {
    if (!by.account && !by.phone) return undefined;
    // One indexed lookup per key, not `account = ? or phone = ?`: with bound parameters SQLite's
    // planner then prefers the (status, created_at) index and scans every open ticket.
    const byAccount = by.account
      ? await this.openTicketBy("consumer_account", by.account, category, since)
      : undefined;
    const byPhone = by.phone
      ? await this.openTicketBy("phone", by.phone, category, since)
      : undefined;
    if (!byAccount || !byPhone) return byAccount ?? byPhone;
    return byAccount.id >= byPhone.id ? byAccount : byPhone;
  }

  private async openTicketBy(
    column: "consumer_account" | "phone",
    value: string,
    category: string | null,
    since: string,
  ): Promise<TicketRow | undefined> {
    const params = [...OPEN, since, value, ...(category === null ? [] : [category])];
    const shape = `tickets.openBy:${column}:${category === null ? "uncategorised" : "category"}`;
    const [row] = await runShaped(this.db, shape, params, () => {
      const q = this.db
        .selectFrom("tickets")
        .selectAll()
        .where("status", "in", OPEN)
        .where("created_at", ">=", since)
        .where(column, "=", value);
      return (
        category === null ? q.where("category", "is", null) : q.where("category", "=", category)
      )
        .orderBy("id", "desc")
        .limit(fixedLimit(1));
    });
    return row;
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

  /** The incident's most recent ticket, whatever its status. */
  async newestTicketOfIncident(incidentId: string): Promise<TicketRow | undefined> {
    return this.db
      .selectFrom("tickets")
      .selectAll()
      .where("incident_id", "=", incidentId)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
  }

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

  /**
   * The most recent or most urgent open tickets under a unit. One query per open status, each
   * walking its (status, id) or (status, due_at) index and stopping at `limit`, then merged: one
   * query over every open status would sort them all.
   */
  async openTicketsUnder(
    unitId: string,
    order: "recent" | "urgent",
    limit: number,
  ): Promise<TicketRow[]> {
    const perStatus = await Promise.all(
      OPEN.map((status) => {
        const all = this.db.selectFrom("tickets").selectAll().where("status", "=", status);
        // Every ticket is under the root: without the membership test the index walk stops at
        // `limit`; with it SQLite would look up every member first and sort them.
        const root = unitId === ROOT_UNIT_ID;
        const q = root
          ? all
          : all.where("id", "in", (eb) =>
              eb.selectFrom("ticket_units").select("ticket_id").where("unit_id", "=", unitId),
            );
        const params = root ? [status, limit] : [status, unitId, limit];
        const shape = `tickets.openUnder:${order}:${root ? "root" : "unit"}`;
        return runShaped(this.db, shape, params, () =>
          (order === "recent"
            ? q.orderBy("id", "desc")
            : q.orderBy("due_at", "asc").orderBy("id", "asc")
          ).limit(limit),
        );
      }),
    );
    const byOrder =
      order === "recent"
        ? (a: TicketRow, b: TicketRow) => b.id - a.id
        : (a: TicketRow, b: TicketRow) =>
            (a.due_at ?? "").localeCompare(b.due_at ?? "") || a.id - b.id;
    return perStatus.flat().sort(byOrder).slice(0, limit);
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
    if (query.phone) base = base.where("phone", "=", normalisePhone(query.phone) ?? "");
    if (query.q) {
      const text = query.q;
      base = base.where((eb) =>
        eb.or([
          containsText(this.dialect, eb.ref("excerpt"), text),
          containsText(this.dialect, eb.ref("number"), text),
          eb("consumer_account", "=", text),
        ]),
      );
    }
    const totalRow = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
    let page = base.selectAll();
    const oldest = query.sort === "oldest";
    if (query.cursor) page = page.where("id", oldest ? ">" : "<", Number(query.cursor));
    const rows = await page
      .orderBy("id", oldest ? "asc" : "desc")
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
}
