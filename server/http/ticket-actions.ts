import { Router } from "express";
import type { CategoryId } from "../../shared/domain.js";
import { ticketActionSchema } from "../../shared/schemas.js";
import { applyAction } from "../tickets/actions.js";
import type { TicketContext } from "../tickets/context.js";
import { presentTicket } from "../tickets/present.js";
import { HttpError, route, validate } from "./errors.js";
import type { Guard } from "./guard.js";
import type { Store } from "../store/store.js";

/** POST /api/v1/tickets/:number/actions: validate -> command -> present (409 on invalid moves). */
export function ticketActionsRouter(
  ctx: TicketContext & { store: Store },
  guard: Guard,
  hooks: {
    onCorrection?(ticketId: number, category: CategoryId, actor: string): Promise<void>;
  } = {},
): Router {
  const router = Router();
  router.post(
    "/api/v1/tickets/:number/actions",
    route(async (req, res) => {
      const action = validate(ticketActionSchema, req.body, "action");
      const number = String(req.params.number);
      const ticket = await ctx.store.getTicketByNumber(number);
      if (!ticket) throw new HttpError(404, "not_found", `no ticket ${number}`);
      const path = (t: { path: string }) => JSON.parse(t.path) as string[];
      const viewer = guard.requirePath(req, res, "act", path(ticket), `ticket ${number}`);
      // What the action points at must be inside the viewer's area too.
      if (action.type === "merge") {
        const into = await ctx.store.getTicketByNumber(action.into);
        if (into) guard.requirePath(req, res, "act", path(into), `ticket ${action.into}`);
      }
      if (action.type === "place") {
        const feeder = ctx.network.unit(action.feederId);
        if (feeder) guard.require(req, res, "act", feeder.id);
      }
      if (action.type === "assign") {
        const officer = ctx.officers.get(action.officerId);
        if (officer) guard.require(req, res, "act", officer.unit_id);
      }
      const actor = viewer.actor;
      const result = await applyAction(ctx, number, action, actor);
      if (result.refusal) throw result.refusal;
      // A person's category becomes training data for the next retraining (npm run train).
      if (action.type === "categorise")
        await hooks.onCorrection?.(result.ticket.id, action.category, actor);
      res.json({ ticket: presentTicket(result.ticket) });
    }),
  );
  return router;
}
