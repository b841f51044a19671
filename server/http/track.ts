import { Router } from "express";
import { feedbackSchema, ticketNumberSchema, trackLookupSchema } from "../../shared/schemas.js";
import type { Officers } from "../officers/officers.js";
import type { Store, TicketRow } from "../store/store.js";
import type { TicketContext } from "../tickets/context.js";
import { giveFeedback } from "../tickets/feedback.js";
import { presentPublicTicket } from "../tickets/present-public.js";
import { HttpError, route, validate } from "./errors.js";
import { trackTokenMatches } from "../tickets/otp.js";
import { rateLimit } from "./rate-limit.js";

/**
 * Public status lookup for consumers: ticket number plus the last 4 digits of the phone they filed
 * with. A wrong pair and an unknown ticket get the same 404, so numbers cannot be probed; the
 * limiter stops guessing the 4 digits.
 */
export function trackRouter(
  deps: { ctx: TicketContext; store: Store; officers: Officers },
  limit = { windowMs: 60_000, max: 30 },
): Router {
  const router = Router();
  router.use("/api/v1/track", rateLimit(limit));

  const find = async (number: string, key: { phone4?: string; t?: string }): Promise<TicketRow> => {
    const t = await deps.store.getTicketByNumber(number);
    const matches =
      t &&
      (key.t !== undefined
        ? trackTokenMatches(deps.ctx.otpSecret, t.number, key.t)
        : t.phone !== null && t.phone.slice(-4) === key.phone4);
    if (!t || !matches)
      throw new HttpError(404, "not_found", "no ticket with that number and phone");
    return t;
  };

  router.get(
    "/api/v1/track/:number",
    route(async (req, res) => {
      const lookup = validate(
        trackLookupSchema,
        { number: req.params.number, phone4: req.query.phone4, t: req.query.t },
        "lookup",
      );
      const t = await find(lookup.number, lookup);
      res.json({
        ticket: presentPublicTicket(
          t,
          await deps.store.eventsOfTicket(t.id),
          deps.ctx.network,
          deps.officers,
        ),
      });
    }),
  );

  router.post(
    "/api/v1/track/:number/feedback",
    route(async (req, res) => {
      const number = validate(ticketNumberSchema, req.params.number, "ticket number");
      const body = validate(feedbackSchema, req.body, "feedback");
      const { ticket, refusal } = await giveFeedback(deps.ctx, number, {
        resolved: body.resolved,
        rating: body.rating,
        comment: body.comment,
        via: "track_page",
        proof: body.token !== undefined ? { token: body.token } : { otp: body.otp! },
      });
      if (refusal) throw refusal;
      res.json({
        ticket: presentPublicTicket(
          ticket,
          await deps.store.eventsOfTicket(ticket.id),
          deps.ctx.network,
          deps.officers,
        ),
      });
    }),
  );
  return router;
}
