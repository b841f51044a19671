import { Router } from "express";
import { messagesOfTicket } from "../outbox/present.js";
import { ticketQuerySchema } from "../../shared/schemas.js";
import type { Network } from "../network/loaded-network.js";
import { allows, disclosureFor } from "../policies/index.js";
import { normalisePhone } from "../tickets/phone.js";
import type { Store } from "../store/store.js";
import { presentEvent, presentReport, presentTicket } from "../tickets/present.js";
import { HttpError, route, validate } from "./errors.js";
import { viewerOf as viewerOfReq } from "./auth.js";
import type { Officers } from "../officers/officers.js";
import type { SettingsStore } from "../tickets/settings.js";
import type { Clock } from "../clock/clock.js";
import { compensationOwed } from "../tickets/compensation.js";
import { getIncident, presentIncident } from "../incidents/incidents.js";
import type { Guard } from "./guard.js";

export function ticketsRouter(deps: {
  store: Store;
  network: Network;
  officers: Officers;
  settings: SettingsStore;
  clock: Clock;
  guard: Guard;
}): Router {
  const router = Router();
  const { guard } = deps;

  router.get(
    "/api/v1/tickets",
    route(async (req, res) => {
      const query = validate(ticketQuerySchema, req.query, "query");
      // Staff list what is under their unit; the call centre only looks a caller's tickets up.
      const ability = allows(deps.network, viewerOfReq(res), "read") ? "read" : "lookup";
      const unit = guard.unit(req, res, ability, query.unit);
      if (ability === "lookup" && !query.phone && !query.q)
        throw new HttpError(
          400,
          "invalid_input",
          "look a ticket up by its number or the caller's phone",
          {
            q: "give a ticket number, or the caller's phone as `phone`",
          },
        );
      const page = await deps.store.listTickets({ ...query, unit });
      res.json({
        tickets: page.rows.map(presentTicket),
        total: page.total,
        nextCursor: page.nextCursor,
      });
    }),
  );

  router.get(
    "/api/v1/tickets/:number",
    route(async (req, res) => {
      const ticket = await deps.store.getTicketByNumber(String(req.params.number));
      if (!ticket) throw new HttpError(404, "not_found", `no ticket ${req.params.number}`);
      const viewer = viewerOfReq(res);
      const ability = allows(deps.network, viewer, "read") ? "read" : "lookup";
      guard.requirePath(
        req,
        res,
        ability,
        JSON.parse(ticket.path) as string[],
        `ticket ${ticket.number}`,
      );
      // A call-centre agent sees the caller's own ticket in full when the caller's phone matches.
      const caller = typeof req.query.phone === "string" ? normalisePhone(req.query.phone) : null;
      const disclosure = disclosureFor(viewer, "rest", caller !== null && caller === ticket.phone);
      const [reports, events, messages] = await Promise.all([
        deps.store.reportsOfTicket(ticket.id),
        deps.store.eventsOfTicket(ticket.id),
        messagesOfTicket(deps.store.kysely, ticket.id),
      ]);
      const officer = deps.officers.get(ticket.assignee_id);
      const incident = ticket.incident_id
        ? await getIncident(deps.store.kysely, ticket.incident_id)
        : undefined;
      const settings = deps.settings.get();
      res.json({
        ticket: presentTicket(ticket),
        reports: reports.map((r) => presentReport(r, disclosure)),
        events: events.map((e) => presentEvent(e, ticket.number)),
        // Staff see the assignee's number so they can call; the public /track view never does.
        assignee: officer
          ? {
              id: officer.id,
              name: officer.name,
              nameHi: officer.name_hi,
              designation: officer.designation,
              designationHi: officer.designation_hi,
              role: officer.role,
              phone: officer.phone,
            }
          : null,
        compensation: compensationOwed(ticket, settings.slaLimits, deps.clock.now()),
        otpAttemptsLeft: Math.max(0, settings.otpMaxAttempts - (ticket.otp_attempts ?? 0)),
        closure: ticket.closure,
        resolutionNote: ticket.resolution_note,
        mergedInto: ticket.merged_into,
        incident: incident ? presentIncident(incident) : null,
        // Names of every officer the timeline mentions (assigned, escalated to, stand-in for).
        officers: officersNamed(deps.officers, ticket.assignee_id, events),
        // What we told the consumer and officers, and whether it really went out.
        messages,
      });
    }),
  );
  return router;
}

function officersNamed(
  officers: Officers,
  assigneeId: string | null,
  events: Array<{ data: string }>,
) {
  const ids = new Set<string>(assigneeId ? [assigneeId] : []);
  for (const e of events) {
    const d = JSON.parse(e.data) as Record<string, unknown>;
    for (const k of ["officerId", "standInFor", "from"])
      if (typeof d[k] === "string") ids.add(d[k] as string);
  }
  const out: Record<
    string,
    { name: string; nameHi: string; designation: string; designationHi: string; role: string }
  > = {};
  for (const id of ids) {
    const o = officers.get(id);
    if (o)
      out[id] = {
        name: o.name,
        nameHi: o.name_hi,
        designation: o.designation,
        designationHi: o.designation_hi,
        role: o.role,
      };
  }
  return out;
}
