import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type NigraniApp } from "../../../server/app.js";
import { testConfig } from "../../../server/config.js";
import { sessionFor } from "../../support/auth.js";
import type { Channel } from "../../../shared/domain.js";

// POST /api/v1/reports is served beside Express (server/http/report-lane.ts): the same
// authentication, policy, refusals and headers as every other route, checked at its boundary.
let app: NigraniApp;
let url: string;
const REPORT = { channel: "app", text: "no light since morning in our lane" };

beforeAll(async () => {
  // Behind one proxy: the audit log must name the client the proxy saw, as Express's req.ip does.
  app = await createApp({ config: testConfig({ DATA_DIR: ":memory:", TRUST_PROXY: "1" }) });
  url = await app.listen();
});
afterAll(() => app.close());

const post = (headers: Record<string, string>, body: unknown = REPORT, path = "/api/v1/reports") =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const codeOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code;

async function key(channels: Channel[], ratePerMinute = 1000): Promise<string> {
  const made = await app.access.keys.create(
    { name: `lane-${Math.random()}`, channels, ratePerMinute },
    "test",
  );
  return made.secret;
}

describe("the report lane", () => {
  it("answers with the same security headers as the rest of the server", async () => {
    const page = await fetch(`${url}/api/v1/demo`);
    const filed = await post({ "x-api-key": await key(["app"]) });
    expect(filed.status).toBe(201);
    for (const name of [
      "content-security-policy",
      "x-content-type-options",
      "referrer-policy",
      "x-frame-options",
    ]) {
      expect(page.headers.get(name)).toBeTruthy();
      expect(filed.headers.get(name)).toBe(page.headers.get(name));
    }
    expect(filed.headers.get("x-powered-by")).toBeNull();
    expect(filed.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("refuses a caller with no credentials (401) and an unknown key (401)", async () => {
    const none = await post({});
    expect(none.status).toBe(401);
    expect(await codeOf(none)).toBe("unauthenticated");
    const unknown = await post({ "x-api-key": "nk_not-a-key" });
    expect(unknown.status).toBe(401);
    expect(await codeOf(unknown)).toBe("bad_key");
  });

  it("asks a signed-in user's session for its CSRF token, then files as that user", async () => {
    const s = await sessionFor(url, "control");
    const noToken = await post({ cookie: s.cookie });
    expect(noToken.status).toBe(403);
    expect(await codeOf(noToken)).toBe("csrf");
    const filed = await post({ cookie: s.cookie, "x-csrf-token": s.csrf });
    expect(filed.status).toBe(201);
    const { ticket } = (await filed.json()) as { ticket: { number: string } };
    const events = await app.store.eventsOfTicket(
      (await app.store.getTicketByNumber(ticket.number))!.id,
    );
    expect(events[0].actor).toBe("user:control");
  });

  it("refuses a role that may not file with 404, and audits it with the client's address", async () => {
    const s = await sessionFor(url, "minister");
    const res = await post({
      cookie: s.cookie,
      "x-csrf-token": s.csrf,
      "x-forwarded-for": "203.0.113.9",
    });
    expect(res.status).toBe(404);
    expect(await codeOf(res)).toBe("not_found");
    const { entries } = await app.access.audit.page({ kind: "refused", actor: "user:minister" });
    expect(entries[0].detail).toMatchObject({
      ability: "file",
      method: "POST",
      path: "/api/v1/reports",
    });
    expect(entries[0].address).toBe("203.0.113.9");
  });

  it("holds a key to its channels and its rate, with Retry-After", async () => {
    const appOnly = await key(["app"], 2);
    const other = await post({ "x-api-key": appOnly }, { ...REPORT, channel: "whatsapp" });
    expect(other.status).toBe(403);
    expect(await codeOf(other)).toBe("channel_not_allowed");
    expect((await post({ "x-api-key": appOnly })).status).toBe(201);
    expect((await post({ "x-api-key": appOnly })).status).toBe(201);
    const third = await post({ "x-api-key": appOnly });
    expect(third.status).toBe(429);
    expect(await codeOf(third)).toBe("rate_limited");
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("takes the path as Express did: a query string, a trailing slash, any letter case", async () => {
    const k = await key(["app"]);
    for (const path of ["/api/v1/reports?via=kiosk", "/api/v1/reports/", "/API/V1/Reports"])
      expect((await post({ "x-api-key": k }, REPORT, path)).status).toBe(201);
  });

  it("takes a query string on the path, and leaves other methods to the API's 404", async () => {
    expect(
      (await post({ "x-api-key": await key(["app"]) }, REPORT, "/api/v1/reports?via=kiosk")).status,
    ).toBe(201);
    const s = await sessionFor(url, "control");
    const get = await fetch(`${url}/api/v1/reports`, { headers: { cookie: s.cookie } });
    expect(get.status).toBe(404);
    expect(await codeOf(get)).toBe("not_found");
  });
});
