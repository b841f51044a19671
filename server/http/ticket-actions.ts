import { Router } from "express";
import type { CategoryId } from "../../shared/domain.js";
import { ticketActionSchema } from "../../shared/schemas.js";
import { applyAction } from "../tickets/actions.js";
import { TicketError, type TicketContext } from "../tickets/context.js";
import { presentTicket } from "../tickets/present.js";
import { HttpError, route, validate } from "./errors.js";

/** POST /api/v1/tickets/:number/actions: validate -> command -> present (409 on invalid moves). */
export function ticketActionsRouter(
  ctx: TicketContext,
  hooks: { onCorrection?(ticketId: number, category: CategoryId): Promise<void> } = {},
): Router {
  const router = Router();
  router.post(
    "/api/v1/tickets/:number/actions",
    route(async (req, res) => {
      const action = validate(ticketActionSchema, req.body, "action");
      // Sign-in comes with the login screen; until then actions are recorded as the control room's.
      const actor = req.get("X-Operator")?.slice(0, 80) || "control-room";
      try {
        const result = await applyAction(ctx, String(req.params.number), action, actor);
        if (result.refusal) throw result.refusal;
        // A person's category becomes training data for the next retraining (npm run train).
        if (action.type === "categorise")
          await hooks.onCorrection?.(result.ticket.id, action.category);
        res.json({ ticket: presentTicket(result.ticket) });
      } catch (err) {
        if (err instanceof TicketError) {
          throw new HttpError(
            err.status,
            err.code,
            err.message,
            err.extra.fields as Record<string, string> | undefined,
            err.extra,
          );
        }
        throw err;
      }
    }),
  );
  return router;
}
