import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { applyAction } from "../../../server/tickets/actions.js";
import { startTestServer, type TestServer } from "../../support/server.js";
import { startFakeGateway } from "../outbox/fake-gateway.js";
import {
  channelConfig,
  fixtureBytes,
  fixtureJson,
  metaSignature,
  post,
  reportCount,
} from "./support.js";

const PSID = "2000000000000001";
const clock = new ManualClock("2026-01-01T00:01:00.000Z");
let graph: Awaited<ReturnType<typeof startFakeGateway>>;
let server: TestServer;

beforeAll(async () => {
  graph = await startFakeGateway({
    otherwise: (n) => ({ status: 200, body: { recipient_id: PSID, message_id: `m_OUT-${n}` } }),
  });
  server = await startTestServer({
    clock,
    config: {
      ...channelConfig,
      WHATSAPP_API_URL: graph.url,
      MESSENGER_PAGE_TOKEN: "FAKE_PAGE_TOKEN_DO_NOT_USE",
    },
  });
});
afterAll(async () => {
  await server.close();
  await graph.close();
});

function deliver(
  channel: "facebook" | "instagram",
  body: Buffer | string,
  signature = metaSignature(body),
) {
  return post(`${server.url}/webhooks/${channel}`, body, {
    "content-type": "application/json",
    "x-hub-signature-256": signature,
  });
}

async function reportOf(channel: string, id: string) {
  const r = await server.app.store.findReportByExternalId(channel, id);
  if (!r) throw new Error(`no report ${id}`);
  return r;
}

describe("Facebook Messenger and Instagram webhooks", () => {
  it("answers Meta's verification handshake on both paths", async () => {
    for (const channel of ["facebook", "instagram"]) {
      const ok = await fetch(
        `${server.url}/webhooks/${channel}?hub.mode=subscribe&hub.verify_token=FAKE_VERIFY_TOKEN_0001&hub.challenge=1158201444`,
      );
      expect(await ok.text()).toBe("1158201444");
      const bad = await fetch(
        `${server.url}/webhooks/${channel}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`,
      );
      expect(bad.status).toBe(403);
    }
  });

  it("refuses a delivery with a wrong or missing signature and stores nothing", async () => {
    const bytes = fixtureBytes("messenger-webhook-text-message.json");
    expect((await deliver("facebook", bytes, metaSignature(bytes, "wrong-secret"))).status).toBe(
      401,
    );
    expect((await deliver("facebook", bytes, "")).status).toBe(401);
    expect(await reportCount(server.app, "facebook")).toBe(0);
  });

  it("files a Messenger message and replies to the sender's page-scoped id through the Send API", async () => {
    const res = await deliver("facebook", fixtureBytes("messenger-webhook-text-message.json"));
    expect(JSON.parse(res.text)).toMatchObject({ messages: 1 });
    const r = await reportOf("facebook", "m_FAKE-TEXT-0001");
    expect(r.text).toBe("Hamare mohalle mein kal raat se bijli nahi hai");
    const [ack] = await server.app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("ticket_id", "=", r.ticket_id)
      .where("kind", "=", "ticket_ack")
      .execute();
    expect(ack).toMatchObject({ channel: "facebook", recipient: PSID });
    await server.app.sweeper.runOnce();
    const sent = graph.requests.find((q) => q.body.includes("ticket") || q.body.includes(PSID))!;
    expect(sent.url).toBe("/v26.0/me/messages");
    expect(sent.headers.authorization).toBe("Bearer FAKE_PAGE_TOKEN_DO_NOT_USE");
    expect(JSON.parse(sent.body)).toEqual({
      recipient: { id: PSID },
      messaging_type: "RESPONSE",
      message: { text: ack.body },
    });
    const after = await server.app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("id", "=", ack.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe("sent");
    expect(after.external_id).toMatch(/^m_OUT-/);
  });

  it("joins an attachment from the same person to their open ticket, as a reference", async () => {
    await deliver("facebook", fixtureBytes("messenger-webhook-image-attachment.json"));
    const photo = await reportOf("facebook", "m_FAKE-IMAGE-0001");
    expect(photo.text).toBe("Image: https://example.invalid/fake-transformer.jpg");
    expect(photo.ticket_id).toBe((await reportOf("facebook", "m_FAKE-TEXT-0001")).ticket_id);
  });

  it("changes nothing on redelivery and ignores echoes of our own messages", async () => {
    const before = await reportCount(server.app, "facebook");
    await deliver("facebook", fixtureBytes("messenger-webhook-text-message.json"));
    const echo = await deliver("facebook", fixtureBytes("messenger-webhook-echo.json"));
    expect(JSON.parse(echo.text)).toMatchObject({ skipped: 1 });
    expect(await reportCount(server.app, "facebook")).toBe(before);
  });

  it("asks for feedback with yes/no quick replies and closes the ticket on a tap", async () => {
    const ticketId = (await reportOf("facebook", "m_FAKE-TEXT-0001")).ticket_id;
    const t = await server.app.store.getTicket(ticketId);
    await applyAction(
      server.app.intake,
      t!.number,
      { type: "place", feederId: server.app.network.feeders[3].id },
      "op",
    );
    await applyAction(server.app.intake, t!.number, { type: "start" }, "je");
    await applyAction(
      server.app.intake,
      t!.number,
      { type: "resolve", note: "Fuse replaced" },
      "je",
    );
    const [request] = await server.app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("ticket_id", "=", ticketId)
      .where("kind", "=", "feedback_request")
      .execute();
    expect(request).toMatchObject({ channel: "facebook", recipient: PSID, format: "interactive" });
    expect(JSON.parse(request.payload ?? "null")).toMatchObject({
      quick_replies: [
        { content_type: "text", payload: `feedback:yes:${t!.number}` },
        { content_type: "text", payload: `feedback:no:${t!.number}` },
      ],
    });
    const tap = fixtureJson<{
      entry: { messaging: { message: { quick_reply: { payload: string } } }[] }[];
    }>("messenger-webhook-quick-reply.json");
    tap.entry[0].messaging[0].message.quick_reply.payload = `feedback:yes:${t!.number}`;
    await deliver("facebook", JSON.stringify(tap));
    const closed = await server.app.store.getTicket(ticketId);
    expect(closed?.status).toBe("closed");
  });

  it("files an Instagram message as an Instagram report, and not on the Messenger path", async () => {
    const bytes = fixtureBytes("instagram-webhook-text-message.json");
    const wrongPath = await deliver("facebook", bytes);
    expect(JSON.parse(wrongPath.text)).toMatchObject({
      ignored: expect.stringContaining("instagram"),
    });
    const res = await deliver("instagram", bytes);
    expect(JSON.parse(res.text)).toMatchObject({ messages: 1 });
    const r = await reportOf("instagram", "aWdfFAKE-IG-TEXT-0001");
    expect(r.text).toBe("Light nahi aa rahi, transformer jal gaya");
    const [ack] = await server.app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("ticket_id", "=", r.ticket_id)
      .where("kind", "=", "ticket_ack")
      .execute();
    expect(ack).toMatchObject({ channel: "instagram", recipient: "3000000000000001" });
    await server.app.sweeper.runOnce();
    const row = await server.app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("id", "=", ack.id)
      .executeTakeFirstOrThrow();
    // No INSTAGRAM_TOKEN in this server: recorded, and said to be not sent.
    expect(row.status).toBe("not_sent");
  });
});
