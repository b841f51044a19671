import type { WhatsappMedia, WhatsappMessage } from "../../../shared/channels.js";
import { MAX_REPORT_TEXT, reportInputSchema, type ReportInput } from "../../../shared/schemas.js";
import { parseFeedbackButton } from "../../outbox/whatsapp-compose.js";
import { feedbackAnswer } from "./messages.js";

export interface FeedbackAnswer {
  resolved: boolean;
  rating?: number;
  /** Set when a button named the ticket it answers for. */
  ticketNumber?: string;
}

/**
 * What one inbound WhatsApp message is to us, decided from the message alone (no store):
 * - `report`: filed as a report. `attach` marks content that adds to a conversation rather than
 *   stating a complaint (a photo without caption, a shared contact, a reaction): it joins the
 *   consumer's open ticket when there is one. `answer` is a yes/no to a feedback request.
 * - `unsupported`: a type we cannot read (sticker, order, unknown); the consumer is told politely.
 * - `ignored`: nothing to act on (a reaction removed, a malformed message), logged with the reason.
 */
export type Inbound =
  | {
      kind: "report";
      input: ReportInput;
      pin: { lat: number; lon: number } | null;
      attach: boolean;
      answer: FeedbackAnswer | null;
    }
  | { kind: "unsupported"; reason: string }
  | { kind: "ignored"; reason: string };

const MEDIA_LABEL: Record<string, string> = {
  image: "Photo",
  video: "Video",
  audio: "Audio",
  document: "Document",
};

/** "Photo (media 1234, image/jpeg): caption": the media id is the reference to fetch it by. */
function mediaText(type: string, media: WhatsappMedia): string {
  const label = type === "audio" && media.voice ? "Voice note" : MEDIA_LABEL[type];
  const facts = [`media ${media.id}`, media.mime_type, media.filename].filter(Boolean).join(", ");
  const caption = media.caption?.trim();
  return `${label} (${facts})${caption ? `: ${caption}` : ""}`;
}

function answerFromButton(id: string | undefined, title: string): FeedbackAnswer | null {
  const byId = id ? parseFeedbackButton(id) : null;
  if (byId) return byId;
  return feedbackAnswer(title);
}

export function readMessage(m: WhatsappMessage): Inbound {
  const base = {
    channel: "whatsapp" as const,
    externalId: m.id,
    phone: m.from,
    receivedAt: new Date(Number(m.timestamp) * 1000).toISOString(),
  };
  let text: string;
  let pin: { lat: number; lon: number } | null = null;
  let attach = false;
  let answer: FeedbackAnswer | null = null;
  const media = (MEDIA_LABEL[m.type] ? m[m.type as keyof WhatsappMessage] : undefined) as
    WhatsappMedia | undefined;
  if (m.type === "text" && m.text) {
    // WhatsApp allows 4096 characters, we keep 4000: cut rather than lose the complaint (raw has all).
    text = m.text.body.trim();
    answer = feedbackAnswer(text);
  } else if (m.type === "location" && m.location) {
    const { latitude: lat, longitude: lon, name, address } = m.location;
    const label = [name, address].filter((s) => s && s.trim()).join(", ");
    text = `Location pin: ${label ? `${label} ` : ""}(${lat.toFixed(6)}, ${lon.toFixed(6)})`;
    pin = { lat, lon };
  } else if (media) {
    text = mediaText(m.type, media);
    attach = !media.caption?.trim();
  } else if (m.type === "contacts" && m.contacts?.length) {
    const people = m.contacts.map((c) => {
      const phones = (c.phones ?? []).map((p) => p.phone ?? p.wa_id).filter(Boolean);
      return [c.name?.formatted_name, ...phones].filter(Boolean).join(" ");
    });
    text = `Shared contact: ${people.join("; ")}`;
    attach = true;
  } else if (m.type === "reaction" && m.reaction) {
    const emoji = m.reaction.emoji?.trim();
    if (!emoji) return { kind: "ignored", reason: "reaction removed" };
    text = `Reaction ${emoji} to message ${m.reaction.message_id}`;
    attach = true;
  } else if (m.type === "interactive" && m.interactive) {
    const reply = m.interactive.button_reply ?? m.interactive.list_reply;
    if (!reply) return { kind: "unsupported", reason: `interactive ${m.interactive.type}` };
    const description = m.interactive.list_reply?.description;
    text = description ? `${reply.title}: ${description}` : reply.title;
    answer = answerFromButton(reply.id, reply.title);
  } else if (m.type === "button" && m.button) {
    text = m.button.text;
    answer = answerFromButton(m.button.payload, m.button.text);
  } else {
    const why = m.errors?.map((e) => [e.code, e.title].filter(Boolean).join(" ")).join("; ");
    return { kind: "unsupported", reason: `message type ${m.type}${why ? ` (${why})` : ""}` };
  }
  const parsed = reportInputSchema.safeParse({
    ...base,
    text: text.slice(0, MAX_REPORT_TEXT),
    ...(pin ? { lat: pin.lat, lon: pin.lon } : {}),
  });
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return { kind: "ignored", reason: `not a valid report (${why})` };
  }
  return { kind: "report", input: parsed.data, pin, attach, answer };
}
