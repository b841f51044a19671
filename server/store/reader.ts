import { normalisePhone } from "../tickets/phone.js";
import { type Kysely } from "kysely";
import { OPEN_STATUSES } from "../../shared/domain.js";
import type { TicketQuery } from "../../shared/schemas.js";
import type { Database } from "./schema.js";

import type { ConsumerRow, EventRow, ReportRow, TicketRow } from "./rows.js";

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
    if (query.phone) base = base.where("phone", "=", normalisePhone(query.phone) ?? "");
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
