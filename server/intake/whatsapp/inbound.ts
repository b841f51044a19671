import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../../store/schema.js";
import type { WhatsappMessage } from "../../../shared/channels.js";
import { OPEN_STATUSES } from "../../../shared/domain.js";
import type { ReportInput } from "../../../shared/schemas.js";
import { enqueueMessage } from "../../outbox/outbox.js";
import type { TicketRow } from "../../store/store.js";
import { placeFromConsumer } from "../../tickets/actions.js";
import { normalisePhone } from "../../tickets/commands.js";
import { TicketError } from "../../tickets/context.js";
import { giveFeedback } from "../../tickets/feedback.js";
import { askPlacementText } from "../../tickets/messages.js";
import { MAX_FEEDER_DISTANCE_KM } from "../../triage/placement.js";
import { consumerInText, tenDigitNumbersIn } from "../accounts.js";
import { ingestReport, type IntakeContext } from "../ingest.js";
import { findConversation, saveConversation, type ConversationRow } from "./conversations.js";
import { findContact, touchContact, type Language } from "../contacts.js";
import { unsupportedMessageText } from "../replies.js";
import { readMessage } from "./read.js";
import { applyNoticeCommand, noticeCommandOf } from "../../notices/opt-outs.js";

export interface InboundDeps {
  ctx: IntakeContext;
  log: Logger;
}

export type Outcome = "filed" | "placement_answer" | "feedback" | "unsupported" | "skipped";

const CHANNEL = "whatsapp";

/**
 * One consumer message: an answer to what we asked (account number or pin for an unplaced ticket,
 * yes/no for a resolved one, typed or tapped on a button) goes to that ticket; a photo without a
 * caption, a shared contact or a reaction joins the consumer's open ticket; anything else is filed
 * as a report, which creates a ticket or joins the consumer's open one. A type we cannot read is
 * answered politely, once. Every message is stored as a report first, so a redelivery changes
 * nothing, and each step acts on the ticket's state rather than on whether the message is new, so
 * a crash between steps is repaired by Meta's retry.
 */
export async function receiveMessage(deps: InboundDeps, m: WhatsappMessage): Promise<Outcome> {
  const { ctx, log } = deps;
  const address = normalisePhone(m.from) ?? m.from;
  const inbound = readMessage(m);
  const receivedAt = new Date(Number(m.timestamp) * 1000).toISOString();
  // Any message, even one we cannot read, opens WhatsApp's 24-hour window for free-form replies.
  await inGroupCommit(ctx, (db) =>
    touchContact(db, {
      channel: CHANNEL,
      address,
      phone: normalisePhone(m.from),
      at: receivedAt,
      text: inbound.kind === "report" && m.type === "text" ? inbound.input.text : undefined,
    }),
  );
  // STOP / START alone changes whether this number gets outage notices; it is not a complaint.
  const noticeCommand =
    inbound.kind === "report" && m.type === "text" ? noticeCommandOf(inbound.input.text) : null;
  if (noticeCommand) {
    const contact = await findContact(ctx.store.kysely, CHANNEL, address);
    await applyNoticeCommand(ctx.store.kysely, {
      command: noticeCommand,
      channel: CHANNEL,
      key: address,
      recipient: address,
      language: languageFrom(contact?.language) ?? "hi",
      messageId: m.id,
      at: ctx.clock.now().toISOString(),
    });
    log.info({ channel: CHANNEL, messageId: m.id, command: noticeCommand }, "notice preference");
    return "skipped";
  }
  if (inbound.kind === "ignored") {
    log.info(
      { channel: CHANNEL, messageId: m.id, reason: inbound.reason },
      "WhatsApp message ignored",
    );
    return "skipped";
  }
  if (inbound.kind === "unsupported") {
    log.warn(
      { channel: CHANNEL, messageId: m.id, reason: inbound.reason },
      "WhatsApp message of a type we cannot read; consumer told",
    );
    const contact = await findContact(ctx.store.kysely, CHANNEL, address);
    await enqueueMessage(
      ctx.store.kysely,
      {
        ticketId: null,
        channel: CHANNEL,
        recipient: address,
        kind: "unsupported_reply",
        body: unsupportedMessageText(languageFrom(contact?.language)),
        dedupeKey: `reply:${CHANNEL}:${m.id}`,
      },
      ctx.clock.now().toISOString(),
    );
    return "unsupported";
  }
  const conversation = await findConversation(ctx.store.kysely, CHANNEL, address);
  const ticket = conversation ? await ctx.store.getTicket(conversation.ticket_id) : undefined;
  const text = inbound.input.text;

  const answersPlacement =
    inbound.pin !== null || (m.type === "text" && tenDigitNumbersIn(text).length > 0);
  if (
    conversation?.awaiting === "placement" &&
    ticket &&
    isUnplacedOpen(ticket) &&
    answersPlacement
  ) {
    await answerPlacement(deps, inbound.input, inbound.pin, ticket, conversation, m);
    return "placement_answer";
  }
  const answer = inbound.answer;
  const answered = answer?.ticketNumber
    ? await ctx.store.getTicketByNumber(answer.ticketNumber)
    : ticket;
  if (answer && answered?.status === "resolved" && answered.phone === normalisePhone(m.from)) {
    await ingestReport(ctx, inbound.input, { raw: m, joinTicketId: answered.id });
    const { resolved, rating } = answer;
    await ignoreRefusal(
      log,
      giveFeedback(ctx, answered.number, {
        resolved,
        ...(rating === undefined ? {} : { rating }),
        via: CHANNEL,
      }),
    );
    return "feedback";
  }
  if (inbound.attach && ticket && isOpen(ticket)) {
    await ingestReport(ctx, inbound.input, { raw: m, joinTicketId: ticket.id });
    return "filed";
  }

  const consumer = inbound.pin ? undefined : await consumerInText(ctx.store, text);
  const input: ReportInput = consumer
    ? { ...inbound.input, consumerAccount: consumer.account }
    : inbound.input;
  const filed = await ingestReport(ctx, input, { raw: m });
  await inGroupCommit(ctx, (db) =>
    saveConversation(db, {
      channel: CHANNEL,
      address,
      ticketId: filed.ticket.id,
      awaiting: isOpen(filed.ticket) && filed.ticket.feeder_id === null ? "placement" : null,
      at: ctx.clock.now().toISOString(),
    }),
  );
  return "filed";
}

/**
 * A small write of the conversation's own (contact, conversation) made through the ticket writer,
 * so a batch's messages share its group commits instead of paying for a commit each.
 */
async function inGroupCommit(
  ctx: IntakeContext,
  write: (db: Kysely<Database>) => Promise<unknown>,
): Promise<void> {
  await ctx.writer.commit(async (tx) => {
    await write(tx.kysely);
    return { changes: [] };
  });
}

function languageFrom(v: string | null | undefined): Language | null {
  return v === "hi" || v === "en" ? v : null;
}

function isOpen(t: TicketRow): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(t.status);
}

/** The consumer sent an account number or a pin for the ticket we could not place: place it. */
async function answerPlacement(
  deps: InboundDeps,
  base: ReportInput,
  pin: { lat: number; lon: number } | null,
  ticket: TicketRow,
  conversation: ConversationRow,
  m: WhatsappMessage,
): Promise<void> {
  const { ctx, log } = deps;
  const consumer = pin ? undefined : await consumerInText(ctx.store, base.text);
  const input = consumer ? { ...base, consumerAccount: consumer.account } : base;
  const filed = await ingestReport(ctx, input, { raw: m, joinTicketId: ticket.id });
  const feederId =
    consumer?.feeder_id ??
    (pin
      ? ctx.network.index.nearest(pin.lat, pin.lon, MAX_FEEDER_DISTANCE_KM)?.feeder.id
      : undefined);
  const at = ctx.clock.now().toISOString();
  if (!feederId) {
    // An account we do not know or a pin off our network: say so once (not again on redelivery).
    if (filed.change !== null) {
      await enqueueMessage(
        ctx.store.kysely,
        {
          ticketId: ticket.id,
          channel: CHANNEL,
          recipient: conversation.address,
          kind: "ask_placement",
          body: askPlacementText(ticket.number),
        },
        at,
      );
    }
    log.info(
      { ticket: ticket.number, by: pin ? "pin" : "account" },
      "consumer's placement answer did not match the network",
    );
    return;
  }
  const current = await ctx.store.getTicket(ticket.id);
  if (current && current.feeder_id === null)
    await ignoreRefusal(log, placeFromConsumer(ctx, ticket.id, feederId));
  await saveConversation(ctx.store.kysely, {
    channel: CHANNEL,
    address: conversation.address,
    ticketId: ticket.id,
    awaiting: null,
    at,
  });
}

function isUnplacedOpen(t: TicketRow): boolean {
  return t.feeder_id === null && (OPEN_STATUSES as readonly string[]).includes(t.status);
}

/** A refused follow-up (the ticket moved on meanwhile) is logged; the report is already stored. */
async function ignoreRefusal(log: Logger, p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof TicketError)) throw err;
    log.info({ code: err.code, reason: err.message }, "consumer's reply not applied");
  }
}
