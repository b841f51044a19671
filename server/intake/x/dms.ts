import type { Logger } from "pino";
import type { XDirectMessage } from "../../../shared/channels.js";
import { OPEN_STATUSES } from "../../../shared/domain.js";
import { MAX_REPORT_TEXT, reportInputSchema } from "../../../shared/schemas.js";
import { TicketError } from "../../tickets/context.js";
import { giveFeedback } from "../../tickets/feedback.js";
import { consumerInText } from "../accounts.js";
import { touchContact } from "../contacts.js";
import { ingestReport, type IntakeContext } from "../ingest.js";
import { findConversation, saveConversation } from "../whatsapp/conversations.js";
import { feedbackAnswer } from "../whatsapp/messages.js";

/** Report external ids of direct messages carry this prefix, apart from post ids. */
export const DM_PREFIX = "dm:";

/**
 * One direct message to the discom's account. The sender's user id keeps the conversation: a
 * yes/no answers their resolved ticket, anything else joins their open ticket or opens one. Our own
 * messages (sender = the account) are passed over. Returns whether it was filed.
 */
export async function receiveDirectMessage(
  ctx: IntakeContext,
  log: Logger,
  forUserId: string,
  dm: XDirectMessage,
): Promise<boolean> {
  const mc = dm.message_create;
  if (dm.type !== "message_create" || !mc) return false;
  if (mc.sender_id === forUserId) return false;
  const media = mc.message_data.attachment?.media?.media_url_https;
  const text = [mc.message_data.text.trim(), media ? `Media: ${media}` : null]
    .filter(Boolean)
    .join("\n");
  const ms = dm.created_timestamp ? Number(dm.created_timestamp) : ctx.clock.now().getTime();
  const parsed = reportInputSchema.safeParse({
    channel: "x",
    externalId: `${DM_PREFIX}${dm.id}`,
    text: text.slice(0, MAX_REPORT_TEXT),
    receivedAt: new Date(ms).toISOString(),
  });
  if (!parsed.success) {
    log.info({ channel: "x", dm: dm.id }, "direct message not filed: no text");
    return false;
  }
  const address = mc.sender_id;
  await touchContact(ctx.store.kysely, {
    channel: "x",
    address,
    phone: null,
    at: parsed.data.receivedAt ?? ctx.clock.now().toISOString(),
    text,
  });
  const conversation = await findConversation(ctx.store.kysely, "x", address);
  const ticket = conversation ? await ctx.store.getTicket(conversation.ticket_id) : undefined;
  const answer = feedbackAnswer(mc.message_data.text);
  if (answer && ticket?.status === "resolved") {
    await ingestReport(ctx, parsed.data, { raw: dm, joinTicketId: ticket.id });
    try {
      await giveFeedback(ctx, ticket.number, { ...answer, via: "x" });
    } catch (err) {
      if (!(err instanceof TicketError)) throw err;
      log.info({ channel: "x", code: err.code }, "consumer's answer not applied");
    }
    return true;
  }
  const open = ticket && (OPEN_STATUSES as readonly string[]).includes(ticket.status);
  const consumer = await consumerInText(ctx.store, parsed.data.text);
  const input = consumer ? { ...parsed.data, consumerAccount: consumer.account } : parsed.data;
  const filed = await ingestReport(ctx, input, {
    raw: dm,
    ...(open && ticket ? { joinTicketId: ticket.id } : {}),
  });
  await saveConversation(ctx.store.kysely, {
    channel: "x",
    address,
    ticketId: filed.ticket.id,
    awaiting: null,
    at: ctx.clock.now().toISOString(),
  });
  return true;
}
