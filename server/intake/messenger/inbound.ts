import type { Logger } from "pino";
import type { MetaMessagingEvent } from "../../../shared/channels.js";
import { OPEN_STATUSES } from "../../../shared/domain.js";
import { TicketError } from "../../tickets/context.js";
import { giveFeedback } from "../../tickets/feedback.js";
import { touchContact } from "../contacts.js";
import { ingestReport, type IntakeContext } from "../ingest.js";
import { PerAddressQueue, findConversation, saveConversation } from "../whatsapp/conversations.js";
import { readMessagingEvent, type MessagingChannel } from "./read.js";

export type MessagingOutcome = "filed" | "feedback" | "skipped";

/**
 * One Messenger or Instagram event. These consumers have no phone number, only a page-scoped id,
 * so the conversation (channel + id) links their messages: a yes/no answers the resolved ticket,
 * anything else joins their open ticket or opens a new one. Stored as a report before anything
 * else, so Meta's redelivery changes nothing.
 */
export async function receiveMessagingEvent(
  ctx: IntakeContext,
  log: Logger,
  channel: MessagingChannel,
  e: MetaMessagingEvent,
): Promise<MessagingOutcome> {
  const inbound = readMessagingEvent(channel, e);
  if (inbound.kind === "ignored") {
    log.debug({ channel, reason: inbound.reason }, "messaging event ignored");
    return "skipped";
  }
  const { address, input, answer } = inbound;
  await touchContact(ctx.store.kysely, {
    channel,
    address,
    phone: null,
    at: input.receivedAt ?? ctx.clock.now().toISOString(),
    text: input.text,
  });
  const conversation = await findConversation(ctx.store.kysely, channel, address);
  const ticket = conversation ? await ctx.store.getTicket(conversation.ticket_id) : undefined;
  const named = answer?.ticketNumber
    ? await ctx.store.getTicketByNumber(answer.ticketNumber)
    : ticket;
  // A button may only answer for this conversation's ticket.
  if (answer && named && ticket && named.id === ticket.id && ticket.status === "resolved") {
    await ingestReport(ctx, input, { raw: e, joinTicketId: ticket.id });
    try {
      await giveFeedback(ctx, ticket.number, {
        resolved: answer.resolved,
        ...(answer.rating === undefined ? {} : { rating: answer.rating }),
        via: channel,
      });
    } catch (err) {
      if (!(err instanceof TicketError)) throw err;
      log.info({ channel, code: err.code }, "consumer's answer not applied");
    }
    return "feedback";
  }
  const open = ticket && (OPEN_STATUSES as readonly string[]).includes(ticket.status);
  const filed = await ingestReport(ctx, input, {
    raw: e,
    ...(open && ticket ? { joinTicketId: ticket.id } : {}),
  });
  await saveConversation(ctx.store.kysely, {
    channel,
    address,
    ticketId: filed.ticket.id,
    awaiting: null,
    at: ctx.clock.now().toISOString(),
  });
  return "filed";
}

/** Handles a whole verified delivery in order, one sender at a time. */
export function messagingWebhook(ctx: IntakeContext, log: Logger) {
  const queue = new PerAddressQueue();
  return async (channel: MessagingChannel, events: MetaMessagingEvent[]) => {
    const summary = { messages: 0, skipped: 0 };
    for (const e of events) {
      const outcome = await queue.run(`${channel}:${e.sender.id}`, () =>
        receiveMessagingEvent(ctx, log, channel, e),
      );
      if (outcome === "skipped") summary.skipped++;
      else summary.messages++;
    }
    return summary;
  };
}
