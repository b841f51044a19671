import { CATEGORIES, type CategoryId } from "../../shared/domain.js";
import type { NewEvent, StoreTx, TicketRow } from "../store/store.js";
import { enqueueMessage } from "../outbox/outbox.js";
import type { TicketContext } from "./context.js";
import { assignmentText } from "./messages.js";
import { ruleFor } from "./settings.js";

/**
 * Routes a placed and categorised ticket to its officer per the routing table (the acting officer
 * when the owner is on leave). Returns the patch and events; the caller writes them.
 */
export function routeTicket(
  ctx: TicketContext,
  t: TicketRow,
  at: string,
): { patch: Partial<TicketRow>; events: NewEvent[] } | null {
  if (!t.category || !t.feeder_id) return null;
  const path = JSON.parse(t.path) as string[];
  const rule = ruleFor(ctx.settings.get().routing, t.category as CategoryId, path);
  const role =
    rule?.role ?? (CATEGORIES[t.category as CategoryId].wing === "technical" ? "je" : "sdo");
  const owner = ctx.officers.holder(ctx.network, path, role);
  const acting = ctx.officers.acting(owner);
  if (!acting) return null;
  return {
    patch: { assignee_id: acting.id, status: t.status === "new" ? "assigned" : t.status },
    events: [
      {
        type: "assigned",
        at,
        actor: null,
        data: {
          officerId: acting.id,
          role,
          automatic: true,
          ...(owner && owner.id !== acting.id ? { standInFor: owner.id } : {}),
          ...(rule?.unitId ? { rule: rule.unitId } : {}),
        },
      },
    ],
  };
}

/** Tells an officer a ticket is theirs, by SMS or WhatsApp as the officer prefers. */
export async function notifyOfficer(
  ctx: TicketContext,
  tx: StoreTx,
  officerId: string,
  t: TicketRow,
  body: string = assignmentText(t.number, t.excerpt),
  kind: "assignment_notice" | "escalation_notice" = "assignment_notice",
): Promise<void> {
  const officer = ctx.officers.get(officerId);
  if (!officer) return;
  await enqueueMessage(
    tx.kysely,
    {
      ticketId: t.id,
      channel: officer.notify_by === "whatsapp" ? "whatsapp" : "sms",
      recipient: officer.phone,
      kind,
      body,
      params: { ticketNumber: t.number },
    },
    ctx.clock.now().toISOString(),
  );
}
