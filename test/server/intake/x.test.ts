import { sessionFor, sessionHeaders } from "../../support/auth.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../support/server.js";
import {
  channelConfig,
  fixtureBytes,
  fixtureJson,
  post,
  postX,
  reportCount,
  ticketCount,
  xSignature,
} from "./support.js";

const OAUTH2_SECRET = "fake-x-oauth2-client-secret";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    config: { ...channelConfig, X_OAUTH2_CLIENT_SECRET: OAUTH2_SECRET },
  });
});
afterAll(() => server.close());

const TWEET_ID = "1900000000000000001";

interface CrcFixture {
  query: { crc_token: string };
  expected_response: { status: number; body: { response_token: string } };
}

/** A mention built on the fixture's tweet, changed as a test needs. */
function activity(tweet: Record<string, unknown>): string {
  const base = JSON.parse(
    fixtureBytes("x-account-activity-tweet-create-mention.json").toString("utf8"),
  ) as {
    tweet_create_events: Record<string, unknown>[];
  };
  return JSON.stringify({
    ...base,
    tweet_create_events: [{ ...base.tweet_create_events[0], ...tweet }],
  });
}

describe("GET /webhooks/x (CRC)", () => {
  it("answers the fixture's crc_token with exactly the expected response token", async () => {
    const fixture = fixtureJson<CrcFixture>("x-webhook-crc-get.json");
    const res = await fetch(`${server.url}/webhooks/x?${new URLSearchParams(fixture.query)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(fixture.expected_response.body);
  });

  it("refuses a CRC without a token with 400", async () => {
    expect((await fetch(`${server.url}/webhooks/x`)).status).toBe(400);
  });
});

describe("POST /webhooks/x", () => {
  const body = fixtureBytes("x-account-activity-tweet-create-mention.json");

  it("matches the signature listed in the fixtures README", () => {
    expect(xSignature(body)).toBe("sha256=jLuW4DU+70Ron+TiS6wYfGvWUs9ktPg+/90CdFdX9Js=");
  });

  it("refuses the mention with a wrong or missing signature: 401 and no report", async () => {
    const before = await reportCount(server.app);
    for (const signature of [
      null,
      xSignature(body, "wrong"),
      "sha256=",
      xSignature(body).toLowerCase(),
    ]) {
      expect((await postX(server.url, body, signature)).status).toBe(401);
    }
    const oauth2Wrong = await post(`${server.url}/webhooks/x`, body, {
      "content-type": "application/json",
      "x-twitter-webhooks-signature-oauth2": xSignature(body, "wrong"),
    });
    expect(oauth2Wrong.status).toBe(401);
    expect(await reportCount(server.app)).toBe(before);
  });

  it("files the mention with its text, point, link and raw tweet", async () => {
    const res = await postX(server.url, body);
    expect(res.status).toBe(200);
    const report = await server.app.store.findReportByExternalId("x", TWEET_ID);
    expect(report?.text).toBe(
      "@FakeDiscomHelp power cut in Sector 9 for 3 hours, no update from helpline. Consumer no 000-FAKE-456",
    );
    expect(report?.lat).toBe(12.971599);
    expect(report?.lon).toBe(77.594566);
    expect(report?.source_url).toBe(`https://x.com/fake_consumer_3/status/${TWEET_ID}`);
    expect(report?.received_at).toBe("2026-01-01T10:15:00.000Z");
    expect(JSON.parse(report!.raw!)).toMatchObject({
      id_str: TWEET_ID,
      user: { screen_name: "fake_consumer_3" },
    });
  });

  it("creates nothing when X redelivers the mention", async () => {
    const reports = await reportCount(server.app);
    const tickets = await ticketCount(server.app);
    expect((await postX(server.url, body)).status).toBe(200);
    expect(await reportCount(server.app)).toBe(reports);
    expect(await ticketCount(server.app)).toBe(tickets);
  });

  it("accepts the newer OAuth2 signature header keyed with the OAuth2 client secret", async () => {
    const next = activity({ id_str: "1900000000000000002" });
    const res = await post(`${server.url}/webhooks/x`, next, {
      "content-type": "application/json",
      "x-twitter-webhooks-signature-oauth2": xSignature(next, OAUTH2_SECRET),
    });
    expect(res.status).toBe(200);
    expect(await server.app.store.findReportByExternalId("x", "1900000000000000002")).toBeDefined();
  });

  it("files a long post's full text", async () => {
    const full = "@FakeDiscomHelp ".padEnd(300, "bijli nahi hai ") + "end";
    await postX(
      server.url,
      activity({
        id_str: "1900000000000000003",
        truncated: true,
        text: "@FakeDiscomHelp bijli…",
        extended_tweet: { full_text: full },
      }),
    );
    expect((await server.app.store.findReportByExternalId("x", "1900000000000000003"))?.text).toBe(
      full,
    );
  });

  it("files neither the discom's own posts nor retweets", async () => {
    const before = await reportCount(server.app);
    const own = activity({
      id_str: "1900000000000000004",
      user: { id_str: "1000000000000000001", screen_name: "FakeDiscomHelp" },
    });
    const rt = activity({
      id_str: "1900000000000000005",
      text: "RT @someone: no power in sector 9",
      retweeted_status: { id_str: "1" },
    });
    for (const payload of [own, rt]) {
      const res = await postX(server.url, payload);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toMatchObject({ filed: 0, skipped: 1 });
    }
    expect(await reportCount(server.app)).toBe(before);
  });
});

describe("POST /api/v1/reports/x-paste", () => {
  const paste = async (body: unknown) =>
    post(`${server.url}/api/v1/reports/x-paste`, JSON.stringify(body), {
      "content-type": "application/json",
      ...sessionHeaders(await sessionFor(server.url, "control")),
    });

  it("files a pasted post with the status id as external id, and the same link twice is one report", async () => {
    const url = "https://twitter.com/some_consumer/status/1911111111111111111?s=20";
    const first = await paste({ url, text: "Transformer jal gaya, 2 din se light nahi" });
    expect(first.status).toBe(201);
    const second = await paste({
      url: "https://x.com/some_consumer/status/1911111111111111111",
      text: "same post",
    });
    expect(second.status).toBe(200);
    const a = JSON.parse(first.text) as { ticket: { number: string } };
    const b = JSON.parse(second.text) as { ticket: { number: string }; duplicate: boolean };
    expect(b.ticket.number).toBe(a.ticket.number);
    expect(b.duplicate).toBe(true);
    const report = await server.app.store.findReportByExternalId("x", "1911111111111111111");
    expect(report?.source_url).toBe("https://x.com/some_consumer/status/1911111111111111111");
  });

  it.each([
    [
      "a link to another site",
      { url: "https://example.invalid/some_consumer/status/1", text: "light nahi" },
      "url",
    ],
    ["a profile link", { url: "https://x.com/some_consumer", text: "light nahi" }, "url"],
    ["no text", { url: "https://x.com/a/status/1" }, "text"],
  ])("refuses %s with 400 naming the field", async (_why, body, field) => {
    const res = await paste(body);
    expect(res.status).toBe(400);
    expect(
      Object.keys(
        (JSON.parse(res.text) as { error: { fields: Record<string, string> } }).error.fields,
      ),
    ).toContain(field);
  });
});
