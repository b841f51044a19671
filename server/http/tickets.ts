import { Router } from "express";
import { ticketQuerySchema } from "../../shared/schemas.js";
import type { Network } from "../network/loaded-network.js";
import { canSeeUnit, CONTROL_ROOM_VIEWER } from "../policies/units.js";
import type { Store } from "../store/store.js";
import { presentEvent, presentReport, presentTicket } from "../tickets/present.js";
import { HttpError, route, validate } from "./errors.js";
import type { Officers } from "../officers/officers.js";
import type { SettingsStore } from "../tickets/settings.js";
import type { Clock } from "../clock/clock.js";
import { compensationOwed } from "../tickets/compensation.js";
import { getIncident, presentIncident } from "../incidents/incidents.js";

export function ticketsRouter(deps: {
  store: Store;
  network: Network;
  officers: Officers;
  settings: SettingsStore;
  clock: Clock;
}): Router {
  const router = Router();
  const viewer = CONTROL_ROOM_VIEWER;

  router.get(
    "/api/v1/tickets",
    route(async (req, res) => {
      const query = validate(ticketQuerySchema, req.query, "query");
      if (query.unit && !canSeeUnit(deps.network, viewer, query.unit)) {
        throw new HttpError(404, "not_found", `no unit ${query.unit}`);
      }
      const page = await deps.store.listTickets(query);
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
      const feederId = ticket?.feeder_id;
      if (!ticket || (feederId && !canSeeUnit(deps.network, viewer, feederId))) {
        throw new HttpError(404, "not_found", `no ticket ${req.params.number}`);
      }
      const [reports, events] = await Promise.all([
        deps.store.reportsOfTicket(ticket.id),
        deps.store.eventsOfTicket(ticket.id),
      ]);
      const officer = deps.officers.get(ticket.assignee_id);
      const incident = ticket.incident_id
        ? await getIncident(deps.store.kysely, ticket.incident_id)
        : undefined;
      const settings = deps.settings.get();
      res.json({
        ticket: presentTicket(ticket),
        reports: reports.map(presentReport),
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
      });
    }),
  );
  return router;
}
