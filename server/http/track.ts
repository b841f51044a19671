import { Router } from "express";
import { feedbackSchema, trackLookupSchema } from "../../shared/schemas.js";
import type { Officers } from "../officers/officers.js";
import type { Store, TicketRow } from "../store/store.js";
import { TicketError, type TicketContext } from "../tickets/context.js";
import { giveFeedback } from "../tickets/feedback.js";
import { presentPublicTicket } from "../tickets/present-public.js";
import { HttpError, route, validate } from "./errors.js";
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

  const find = async (number: string, phone4: string): Promise<TicketRow> => {
    const t = await deps.store.getTicketByNumber(number);
    if (!t || !t.phone || t.phone.slice(-4) !== phone4) {
      throw new HttpError(404, "not_found", "no ticket with that number and phone");
    }
    return t;
  };

  router.get(
    "/api/v1/track/:number",
    route(async (req, res) => {
      const { number, phone4 } = validate(
        trackLookupSchema,
        { number: req.params.number, phone4: req.query.phone4 },
        "lookup",
      );
      const t = await find(number, phone4);
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
      const { number } = validate(
        trackLookupSchema.pick({ number: true }),
        { number: req.params.number },
        "lookup",
      );
      const body = validate(feedbackSchema, req.body, "feedback");
      await find(number, body.phone4);
      try {
        const { ticket } = await giveFeedback(deps.ctx, number, {
          resolved: body.resolved,
          rating: body.rating,
          comment: body.comment,
          via: "track_page",
        });
        res.json({
          ticket: presentPublicTicket(
            ticket,
            await deps.store.eventsOfTicket(ticket.id),
            deps.ctx.network,
            deps.officers,
          ),
        });
      } catch (err) {
        if (err instanceof TicketError)
          throw new HttpError(err.status, err.code, err.message, undefined, err.extra);
        throw err;
      }
    }),
  );
  return router;
}
