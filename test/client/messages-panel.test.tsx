import { renderToString } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MESSAGE_KINDS, OUTBOX_STATUSES, type OutboxMessageView } from "../../shared/outbox.js";
import { i18n, initI18n, setLanguage } from "../../client/i18n/index.js";
import { MessagesPanel } from "../../client/panels/tickets/MessagesPanel.js";

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const message = (over: Partial<OutboxMessageView>): OutboxMessageView => ({
  id: 1,
  channel: "sms",
  kind: "ticket_ack",
  format: "text",
  status: "pending",
  reason: null,
  attempts: 0,
  to: "…3210",
  createdAt: "2026-06-01T05:00:00.000Z",
  updatedAt: "2026-06-01T05:00:00.000Z",
  ...over,
});

beforeAll(() => initI18n("en"));
afterEach(() => setLanguage("en", false));

describe("MessagesPanel", () => {
  it("tells a message only recorded apart from one sent, delivered or failed, with the reason", () => {
    const out = text(
      renderToString(
        <MessagesPanel
          messages={[
            message({ id: 1, status: "not_sent", reason: "no SMS gateway configured" }),
            message({ id: 2, channel: "whatsapp", kind: "feedback_request", status: "delivered" }),
            message({
              id: 3,
              kind: "assignment_notice",
              status: "failed",
              reason: "permanent: 131026",
            }),
          ]}
        />,
      ),
    );
    expect(out).toContain("Messages sent (3)");
    expect(out).toContain("Acknowledgement with the closure code Not sent: no gateway configured");
    expect(out).toContain("no SMS gateway configured");
    expect(out).toContain("Is it fixed? (feedback request) Delivered");
    expect(out).toContain("WhatsApp to …3210");
    expect(out).toContain("Failed");
    expect(out).toContain("permanent: 131026");
    expect(out).not.toMatch(/\bSent\b/);
  });

  it("has every kind, status and channel in both languages", () => {
    for (const lng of ["en", "hi"] as const) {
      setLanguage(lng, false);
      const t = i18n.getFixedT(lng, "ops");
      for (const k of MESSAGE_KINDS) expect(t(`messages.kind.${k}`)).not.toContain("messages.");
      for (const s of OUTBOX_STATUSES) expect(t(`messages.status.${s}`)).not.toContain("messages.");
    }
    setLanguage("hi", false);
    const out = text(renderToString(<MessagesPanel messages={[message({ status: "read" })]} />));
    expect(out).toContain("पढ़ लिया गया");
  });
});
