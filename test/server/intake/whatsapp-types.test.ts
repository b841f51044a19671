import { trackUrl as trackLink } from "../../../server/tickets/otp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { applyAction } from "../../../server/tickets/actions.js";
import type { TicketRow } from "../../../server/store/store.js";
import { startTestServer, type TestServer } from "../../support/server.js";
import {
  channelConfig,
  fixtureBytes,
  fixtureJson,
  postWhatsapp,
  reportCount,
  whatsappDelivery,
} from "./support.js";

// The fixtures' messages are stamped 2026-01-01T00:00:00Z; the clock starts just after.
const clock = new ManualClock("2026-01-01T00:01:00.000Z");
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock, config: channelConfig });
});
afterAll(() => server.close());

interface Delivery {
  entry: { changes: { value: { messages: Record<string, unknown>[] } }[] }[];
}

/** A fixture's one message, changed (another sender, id or button), re-serialised and signed. */
function variant(name: string, change: (m: Record<string, unknown>) => void): string {
  const body = fixtureJson<Delivery>(name) as unknown as Delivery;
  change(body.entry[0].changes[0].value.messages[0]);
  return JSON.stringify(body);
}

async function reportOf(id: string) {
  const r = await server.app.store.findReportByExternalId("whatsapp", id);
  if (!r) throw new Error(`no report for ${id}`);
  return r;
}

async function ticketOfReport(id: string): Promise<TicketRow> {
  const t = await server.app.store.getTicket((await reportOf(id)).ticket_id);
  if (!t) throw new Error("report without ticket");
  return t;
}

async function outbox(where: { ticketId?: number; kind?: string; recipient?: string }) {
  let q = server.app.store.kysely.selectFrom("outbox").selectAll().orderBy("id");
  if (where.ticketId !== undefined) q = q.where("ticket_id", "=", where.ticketId);
  if (where.kind) q = q.where("kind", "=", where.kind);
  if (where.recipient) q = q.where("recipient", "=", where.recipient);
  return q.execute();
}

let seq = 0;
async function say(from: string, body: string): Promise<string> {
  const id = `wamid.TYPES-${++seq}`;
  const t = Math.floor(clock.now().getTime() / 1000);
  const res = await postWhatsapp(
    server.url,
    whatsappDelivery({ from, id, timestamp: String(t), type: "text", text: { body } }),
  );
  expect(res.status).toBe(200);
  return id;
}

/** A consumer's placed ticket, started and resolved: the feedback request is then queued. */
async function resolvedTicketOf(phone: string, feederIndex: number): Promise<TicketRow> {
  const feeder = server.app.network.feeders[feederIndex];
  const consumer = await server.app.store.consumerOnFeeder(feeder.id, 0.5);
  const t = await ticketOfReport(await say(phone, `light nahi hai, account ${consumer!.account}`));
  await applyAction(server.app.intake, t.number, { type: "start" }, "test-je");
  await applyAction(server.app.intake, t.number, { type: "resolve", note: "Fuse replaced" }, "je");
  return t;
}

describe("POST /webhooks/whatsapp: every inbound message type", () => {
  it("files a photo as a media reference with its caption as the text", async () => {
    const bytes = fixtureBytes("whatsapp-webhook-image-message.json");
    const res = await postWhatsapp(server.url, bytes);
    expect(JSON.parse(res.text)).toMatchObject({ messages: 1, skipped: 0, unsupported: 0 });
    const r = await reportOf("wamid.FAKE-IMAGE");
    expect(r.text).toBe(
      "Photo (media 1000000000000001, image/jpeg): Transformer par chingari nikal rahi hai",
    );
    expect(JSON.parse(r.raw ?? "{}")).toMatchObject({ image: { id: "1000000000000001" } });
  });

  it("joins a voice note, a shared contact and a reaction to the consumer's open ticket", async () => {
    const photoTicket = (await reportOf("wamid.FAKE-IMAGE")).ticket_id;
    for (const f of ["audio-message", "contacts-message", "reaction-message"])
      expect(
        (await postWhatsapp(server.url, fixtureBytes(`whatsapp-webhook-${f}.json`))).status,
      ).toBe(200);
    const voice = await reportOf("wamid.FAKE-AUDIO");
    expect(voice.text).toBe("Voice note (media 1000000000000002, audio/ogg; codecs=opus)");
    const contact = await reportOf("wamid.FAKE-CONTACTS");
    expect(contact.text).toBe("Shared contact: Fake Neighbour +1 555 000 5678");
    const reaction = await reportOf("wamid.FAKE-REACTION");
    expect(reaction.text).toBe("Reaction 👍 to message wamid.FAKE-OUR-ACK");
    for (const r of [voice, contact, reaction]) expect(r.ticket_id).toBe(photoTicket);
  });

  it("files a video and a document with their captions, file name and media ids", async () => {
    await postWhatsapp(server.url, fixtureBytes("whatsapp-webhook-video-message.json"));
    await postWhatsapp(server.url, fixtureBytes("whatsapp-webhook-document-message.json"));
    expect((await reportOf("wamid.FAKE-VIDEO")).text).toBe(
      "Video (media 1000000000000003, video/mp4): Wire toot kar sadak par pada hai",
    );
    expect((await reportOf("wamid.FAKE-DOCUMENT")).text).toBe(
      "Document (media 1000000000000004, application/pdf, bill-fake.pdf): Bill galat aaya hai, meter reading 4500 likhi hai",
    );
  });

  it("files a list reply as its title and description", async () => {
    await postWhatsapp(server.url, fixtureBytes("whatsapp-webhook-interactive-list-reply.json"));
    expect((await reportOf("wamid.FAKE-LIST-REPLY")).text).toBe(
      "Supply cut: No electricity at my house",
    );
  });

  it("ignores a removed reaction (no emoji) without filing anything", async () => {
    const before = await reportCount(server.app, "whatsapp");
    const body = variant("whatsapp-webhook-reaction-message.json", (m) => {
      m.id = "wamid.TYPES-unreact";
      m.reaction = { message_id: "wamid.FAKE-OUR-ACK" };
    });
    expect(JSON.parse((await postWhatsapp(server.url, body)).text)).toMatchObject({ skipped: 1 });
    expect(await reportCount(server.app, "whatsapp")).toBe(before);
  });

  it("changes nothing when Meta redelivers every fixture", async () => {
    const before = await reportCount(server.app, "whatsapp");
    const outboxBefore = (await outbox({})).length;
    for (const f of ["image", "audio", "video", "document", "contacts", "reaction"])
      await postWhatsapp(server.url, fixtureBytes(`whatsapp-webhook-${f}-message.json`));
    expect(await reportCount(server.app, "whatsapp")).toBe(before);
    expect((await outbox({})).length).toBe(outboxBefore);
  });

  it("answers an unsupported message once, in the language the consumer writes in", async () => {
    const phone = "15550007001";
    await say(phone, "मेरे घर की बिजली कल से नहीं है");
    const body = variant("whatsapp-webhook-unsupported-message.json", (m) => (m.from = phone));
    expect(JSON.parse((await postWhatsapp(server.url, body)).text)).toMatchObject({
      unsupported: 1,
    });
    await postWhatsapp(server.url, body);
    const replies = await outbox({ kind: "unsupported_reply", recipient: phone });
    expect(replies).toHaveLength(1);
    expect(replies[0].body).toMatch(/^क्षमा करें/);
    expect(replies[0].body).not.toMatch(/Sorry/);

    const english = "15550007002";
    await say(english, "There is no power in my street since morning");
    await postWhatsapp(
      server.url,
      variant("whatsapp-webhook-unsupported-message.json", (m) => {
        m.from = english;
        m.id = "wamid.TYPES-unsupported-en";
      }),
    );
    const [reply] = await outbox({ kind: "unsupported_reply", recipient: english });
    expect(reply.body).toMatch(/^Sorry, we cannot read this kind of message/);
  });

  it("logs and counts errors at the top level of a delivery", async () => {
    const res = await postWhatsapp(
      server.url,
      fixtureBytes("whatsapp-webhook-top-level-error.json"),
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ errors: 1, messages: 0 });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/nigrani_channel_errors_total\{channel="whatsapp",code="131000"\} 1/);
  });
});

describe("WhatsApp feedback requests: buttons inside the 24-hour window, a template outside", () => {
  it("sends yes/no buttons while the window is open, and a tap closes the ticket as confirmed", async () => {
    const phone = "15550007101";
    const t = await resolvedTicketOf(phone, 30);
    const [request] = await outbox({ ticketId: t.id, kind: "feedback_request" });
    expect(request.format).toBe("interactive");
    const payload = JSON.parse(request.payload ?? "null");
    expect(payload).toMatchObject({
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: request.body },
        action: {
          buttons: [
            { type: "reply", reply: { id: `feedback:yes:${t.number}`, title: "हाँ / Yes" } },
            { type: "reply", reply: { id: `feedback:no:${t.number}`, title: "नहीं / No" } },
          ],
        },
      },
    });

    const tap = variant("whatsapp-webhook-interactive-button-reply.json", (m) => {
      m.from = phone;
      m.id = "wamid.TYPES-tap-yes";
      (m.interactive as { button_reply: { id: string } }).button_reply.id =
        `feedback:yes:${t.number}`;
    });
    expect(JSON.parse((await postWhatsapp(server.url, tap)).text)).toMatchObject({ messages: 1 });
    const closed = await server.app.store.getTicket(t.id);
    expect(closed?.status).toBe("closed");
    expect(closed?.closure).toBe("confirmed_feedback");
    expect((await reportOf("wamid.TYPES-tap-yes")).ticket_id).toBe(t.id);
  });

  it("sends the approved template once 24 hours have passed, and its quick reply reopens the ticket", async () => {
    const phone = "15550007102";
    const feeder = server.app.network.feeders[31];
    const consumer = await server.app.store.consumerOnFeeder(feeder.id, 0.5);
    const t = await ticketOfReport(await say(phone, `supply cut, account ${consumer!.account}`));
    await applyAction(server.app.intake, t.number, { type: "start" }, "test-je");
    clock.advance(25 * 3_600_000);
    await applyAction(
      server.app.intake,
      t.number,
      { type: "resolve", note: "Line restored" },
      "je",
    );
    const [request] = await outbox({ ticketId: t.id, kind: "feedback_request" });
    expect(request.format).toBe("template");
    const trackUrl = trackLink(
      server.app.config.PUBLIC_URL,
      server.app.config.OTP_SECRET,
      t.number,
    );
    expect(JSON.parse(request.payload ?? "null")).toEqual({
      type: "template",
      template: {
        name: "nigrani_feedback",
        language: { code: "en" }, // "supply cut, account ...": the consumer writes English
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: t.number },
              { type: "text", text: trackUrl },
            ],
          },
          {
            type: "button",
            sub_type: "quick_reply",
            index: "0",
            parameters: [{ type: "payload", payload: `feedback:yes:${t.number}` }],
          },
          {
            type: "button",
            sub_type: "quick_reply",
            index: "1",
            parameters: [{ type: "payload", payload: `feedback:no:${t.number}` }],
          },
        ],
      },
    });

    const tap = variant("whatsapp-webhook-template-quick-reply.json", (m) => {
      m.from = phone;
      m.id = "wamid.TYPES-quick-no";
      m.timestamp = String(Math.floor(clock.now().getTime() / 1000));
      (m.button as { payload: string }).payload = `feedback:no:${t.number}`;
    });
    await postWhatsapp(server.url, tap);
    expect((await server.app.store.getTicket(t.id))?.status).toBe("reopened");
  });

  it("ignores a button naming a ticket that belongs to another consumer", async () => {
    const owner = await resolvedTicketOf("15550007103", 32);
    const tap = variant("whatsapp-webhook-interactive-button-reply.json", (m) => {
      m.from = "15550007104";
      m.id = "wamid.TYPES-forged";
      (m.interactive as { button_reply: { id: string } }).button_reply.id =
        `feedback:yes:${owner.number}`;
    });
    await postWhatsapp(server.url, tap);
    expect((await server.app.store.getTicket(owner.id))?.status).toBe("resolved");
  });
});
