import type { MessageKind, MessageParams } from "./outbox.js";

/**
 * WhatsApp lets a business send free-form messages only within 24 hours of the consumer's last
 * message; after that only approved templates go through (error 131047 otherwise). Inside the
 * window a feedback request is sent as interactive yes/no buttons, which the consumer answers with
 * one tap; outside it, as the feedback template with the same answers as quick-reply buttons.
 */
export const WHATSAPP_WINDOW_MS = 24 * 3_600_000;

/**
 * The templates a discom registers in WhatsApp Manager (utility category, Hindi and English),
 * with their placeholders. README.md lists their texts.
 */
export const WHATSAPP_TEMPLATES = {
  /** {{1}} ticket number, {{2}} tracking link; quick replies: हाँ / Yes, नहीं / No. */
  feedback: "nigrani_feedback",
  /** {{1}} ticket number, {{2}} closure OTP, {{3}} tracking link. */
  otp: "nigrani_complaint_otp",
  /** {{1}} the notice's text (officer notices and anything else outside the window). */
  notice: "nigrani_notice",
} as const;

export type WhatsappFormat = "text" | "template" | "interactive";

/** The id of a yes/no button (and of the template's quick-reply payload): `feedback:yes:LKO-000123`. */
export function feedbackButtonId(answer: "yes" | "no", ticketNumber: string): string {
  return `feedback:${answer}:${ticketNumber}`;
}

/** Reads a feedback button's id or quick-reply payload back; null for anything else. */
export function parseFeedbackButton(
  id: string,
): { resolved: boolean; ticketNumber: string } | null {
  const m = /^feedback:(yes|no):([A-Z]{2,5}-\d{1,12})$/.exec(id);
  return m ? { resolved: m[1] === "yes", ticketNumber: m[2] } : null;
}

/** Template parameters may not hold newlines, tabs or more than four spaces in a row. */
function param(text: string): { type: "text"; text: string } {
  return {
    type: "text",
    text: text
      .replace(/[\n\t]+/g, " ")
      .replace(/ {4,}/g, "   ")
      .slice(0, 1000),
  };
}

const FEEDBACK_KINDS: readonly MessageKind[] = ["feedback_request", "incident_notice"];
const OTP_KINDS: readonly MessageKind[] = ["ticket_ack", "closure_otp"];

/**
 * Chooses how one outbox message goes out on WhatsApp and builds the Graph API's JSON for it (the
 * part after `to`): null payload means plain text from the row's body.
 */
export function composeWhatsapp(
  msg: { kind: MessageKind; body: string; params?: MessageParams },
  windowOpen: boolean,
  language: "hi" | "en",
): { format: WhatsappFormat; payload: Record<string, unknown> | null } {
  const number = msg.params?.ticketNumber;
  const isFeedback = FEEDBACK_KINDS.includes(msg.kind) && number !== undefined;
  if (windowOpen) {
    if (!isFeedback) return { format: "text", payload: null };
    return {
      format: "interactive",
      payload: {
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: msg.body.slice(0, 1024) },
          action: {
            buttons: [
              { type: "reply", reply: { id: feedbackButtonId("yes", number), title: "हाँ / Yes" } },
              { type: "reply", reply: { id: feedbackButtonId("no", number), title: "नहीं / No" } },
            ],
          },
        },
      },
    };
  }
  const url = msg.params?.trackUrl ?? "";
  if (isFeedback) {
    return template(
      WHATSAPP_TEMPLATES.feedback,
      language,
      [param(number), param(url)],
      [feedbackButtonId("yes", number), feedbackButtonId("no", number)],
    );
  }
  if (OTP_KINDS.includes(msg.kind) && number !== undefined && msg.params?.otp) {
    return template(
      WHATSAPP_TEMPLATES.otp,
      language,
      [param(number), param(msg.params.otp), param(url)],
      [],
    );
  }
  return template(WHATSAPP_TEMPLATES.notice, language, [param(msg.body)], []);
}

function template(
  name: string,
  language: "hi" | "en",
  body: { type: "text"; text: string }[],
  quickReplies: string[],
): { format: "template"; payload: Record<string, unknown> } {
  const components: Record<string, unknown>[] = [{ type: "body", parameters: body }];
  quickReplies.forEach((payload, index) =>
    components.push({
      type: "button",
      sub_type: "quick_reply",
      index: String(index),
      parameters: [{ type: "payload", payload }],
    }),
  );
  return {
    format: "template",
    payload: { type: "template", template: { name, language: { code: language }, components } },
  };
}
