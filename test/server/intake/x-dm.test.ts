import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { startTestServer, type TestServer } from "../../support/server.js";
import { startFakeGateway } from "../outbox/fake-gateway.js";
import {
  channelConfig,
  fixtureBytes,
  fixtureJson,
  postX,
  reportCount,
  xSignature,
} from "./support.js";

const SENDER = "1200000000000000001";
const clock = new ManualClock("2026-01-01T00:01:00.000Z");
let api: Awaited<ReturnType<typeof startFakeGateway>>;
let server: TestServer;

beforeAll(async () => {
  api = await startFakeGateway({
    otherwise: (n) => ({
      status: 201,
      body: { data: { dm_conversation_id: `1-${SENDER}`, dm_event_id: `19500000000000000${n}` } },
    }),
  });
  server = await startTestServer({
    clock,
    config: { ...channelConfig, X_API_URL: api.url, X_DM_TOKEN: "FAKE_X_USER_TOKEN" },
  });
});
afterAll(async () => {
  await server.close();
  await api.close();
});

type Dm = {
  direct_message_events: {
    id: string;
    message_create: { sender_id: string; message_data: { text: string } };
  }[];
};

describe("X direct messages (Account Activity)", () => {
  it("refuses a DM delivery with a wrong signature", async () => {
    const bytes = fixtureBytes("x-account-activity-direct-message.json");
    expect((await postX(server.url, bytes, xSignature(bytes, "wrong"))).status).toBe(401);
    expect(await reportCount(server.app, "x")).toBe(0);
  });

  it("files a DM as an X report and answers the sender by DM", async () => {
    const res = await postX(server.url, fixtureBytes("x-account-activity-direct-message.json"));
    expect(JSON.parse(res.text)).toMatchObject({ filed: 1, skipped: 0 });
    const r = await server.app.store.findReportByExternalId("x", "dm:1900000000000000101");
    expect(r?.text).toBe("Sir, Gomti Nagar sector 4 mein 6 ghante se bijli nahi hai");
    const [ack] = await server.app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("ticket_id", "=", r!.ticket_id)
      .where("kind", "=", "ticket_ack")
      .execute();
    expect(ack).toMatchObject({ channel: "x", recipient: `dm:${SENDER}` });
    await server.app.sweeper.runOnce();
    const req = api.requests.at(-1)!;
    expect(req.url).toBe(`/2/dm_conversations/with/${SENDER}/messages`);
    expect(req.headers.authorization).toBe("Bearer FAKE_X_USER_TOKEN");
    expect(JSON.parse(req.body)).toEqual({ text: ack.body });
    const sent = await server.app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("id", "=", ack.id)
      .executeTakeFirstOrThrow();
    expect(sent.status).toBe("sent");
  });

  it("changes nothing on redelivery, joins a follow-up to the open ticket, and passes over our own DMs", async () => {
    const before = await reportCount(server.app, "x");
    await postX(server.url, fixtureBytes("x-account-activity-direct-message.json"));
    expect(await reportCount(server.app, "x")).toBe(before);

    const follow = fixtureJson<Dm>("x-account-activity-direct-message.json");
    follow.direct_message_events[0].id = "1900000000000000102";
    follow.direct_message_events[0].message_create.message_data.text = "Ab bhi nahi aayi";
    await postX(server.url, JSON.stringify(follow));
    const first = await server.app.store.findReportByExternalId("x", "dm:1900000000000000101");
    const second = await server.app.store.findReportByExternalId("x", "dm:1900000000000000102");
    expect(second?.ticket_id).toBe(first?.ticket_id);

    const ours = fixtureJson<Dm>("x-account-activity-direct-message.json");
    ours.direct_message_events[0].id = "1900000000000000103";
    ours.direct_message_events[0].message_create.sender_id = "1000000000000000001";
    const res = await postX(server.url, JSON.stringify(ours));
    expect(JSON.parse(res.text)).toMatchObject({ filed: 0, skipped: 1 });
  });

  it("does not answer a public mention in public (the acknowledgement carries the OTP)", async () => {
    await postX(server.url, fixtureBytes("x-account-activity-tweet-create-mention.json"));
    const r = await server.app.store.findReportByExternalId("x", "1900000000000000001");
    await server.app.sweeper.runOnce();
    const [ack] = await server.app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("ticket_id", "=", r!.ticket_id)
      .where("kind", "=", "ticket_ack")
      .execute();
    expect(ack.status).toBe("failed");
    expect(ack.last_error).toMatch(/^permanent: not a DM conversation/);
  });
});
