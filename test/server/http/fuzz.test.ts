import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_INTAKE_KEY, sessionFor, sessionHeaders } from "../../support/auth.js";
import { postReport, startTestServer, type TestServer } from "../../support/server.js";

/**
 * Malformed, huge, mistyped, unicode and injection input thrown at every endpoint that takes a
 * body or a query: never a 500, never a stack trace or SQL in the answer, never a change to what
 * is stored (the audit log of refusals aside).
 */
let server: TestServer;
let ticket = ":number";
let headers: Record<string, string>;

const NASTY = [
  "' OR 1=1 --",
  '"; DROP TABLE tickets; --',
  "<script>alert(1)</script>",
  "${7*7}{{7*7}}",
  "../../etc/passwd",
  "\u0000\u202e\ud83d\ude00",
  "बिजली नहीं है",
  "%00%27",
  "a".repeat(70_000),
];
const nasty = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "binary", maxLength: 200 }));
/** A value of any JSON type, with the nasty strings likely. */
const value = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nasty, { maxLength: 3 }),
);
/** An object with some expected keys of wrong types and random extra keys: never a valid body. */
const body = (keys: string[]) =>
  fc.oneof(
    fc
      .dictionary(fc.constantFrom(...keys, "__proto__", "constructor", "extra"), value, {
        minKeys: 1,
      })
      .map((o) => ({ ...o, "unknown-field": 1 })),
    fc.anything(),
    nasty,
  );

async function fingerprint(): Promise<string> {
  const db = server.app.store.kysely;
  const parts = await Promise.all(
    [
      "tickets",
      "reports",
      "ticket_events",
      "users",
      "api_keys",
      "settings",
      "officers",
      "outbox",
      "incidents",
    ].map(async (t) => {
      const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db);
      return `${t}:${r.rows[0].n}`;
    }),
  );
  const last = await db
    .selectFrom("ticket_events")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .executeTakeFirst();
  const settings = await db.selectFrom("settings").select(["key", "updated_at"]).execute();
  return JSON.stringify({ parts, last, settings });
}

const ENDPOINTS: Array<{
  method: string;
  path: () => string;
  keys: string[];
  auth: "session" | "key" | "none";
}> = [
  { method: "POST", path: () => "/api/v1/session", keys: ["username", "password"], auth: "none" },
  {
    method: "POST",
    path: () => "/api/v1/reports",
    keys: ["channel", "text", "lat", "lon", "phone", "category"],
    auth: "key",
  },
  {
    method: "POST",
    path: () => `/api/v1/tickets/${ticket}/actions`,
    keys: ["type", "note", "officerId", "into", "otp", "feederId"],
    auth: "session",
  },
  {
    method: "PUT",
    path: () => "/api/v1/settings",
    keys: ["routing", "slaLimits", "confirmWindowHours", "otpMaxAttempts"],
    auth: "session",
  },
  {
    method: "POST",
    path: () => "/api/v1/users",
    keys: ["username", "name", "role", "unitId", "password"],
    auth: "session",
  },
  {
    method: "PATCH",
    path: () => "/api/v1/users/1",
    keys: ["role", "unitId", "disabled", "name"],
    auth: "session",
  },
  { method: "POST", path: () => "/api/v1/users/1/password", keys: ["password"], auth: "session" },
  {
    method: "POST",
    path: () => "/api/v1/keys",
    keys: ["name", "channels", "ratePerMinute"],
    auth: "session",
  },
  {
    method: "POST",
    path: () => `/api/v1/track/${ticket}/feedback`,
    keys: ["resolved", "otp", "token", "rating"],
    auth: "none",
  },
  {
    method: "POST",
    path: () => "/api/v1/incidents/INC-1/resolve",
    keys: ["note"],
    auth: "session",
  },
  {
    method: "PUT",
    path: () => "/api/v1/officers/X/leave",
    keys: ["onLeave", "standInId"],
    auth: "session",
  },
  { method: "POST", path: () => "/api/v1/reports/x-paste", keys: ["url", "text"], auth: "session" },
];
const QUERIES = [
  "/api/v1/tickets",
  "/api/v1/audit",
  "/api/v1/scorecards",
  "/api/v1/stats/worst",
  "/api/v1/units/search",
  "/api/v1/incidents",
];

function checkAnswer(status: number, text: string): void {
  expect(status).toBeLessThan(500);
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+|SQLITE_|select .* from|node_modules/i);
}

beforeAll(async () => {
  server = await startTestServer();
  const f = server.app.network.feeders[0];
  ticket = (
    await postReport(server.url, {
      channel: "call_centre",
      text: "fuzz target",
      category: "supply_cut",
      lat: f.lat,
      lon: f.lon,
    })
  ).body.ticket!.number;
  headers = sessionHeaders(await sessionFor(server.url, "admin"));
});
afterAll(() => server.close());

describe("hostile input", () => {
  for (const e of ENDPOINTS)
    it(`${e.method} ${e.path().replace(String(ticket), ":number")} answers 4xx and changes nothing`, async () => {
      const before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(body(e.keys), async (b) => {
          const res = await fetch(`${server.url}${e.path()}`, {
            method: e.method,
            headers: {
              "content-type": "application/json",
              ...(e.auth === "session"
                ? headers
                : e.auth === "key"
                  ? { "x-api-key": DEMO_INTAKE_KEY }
                  : {}),
              "x-forwarded-for": "fuzz",
            },
            body: JSON.stringify(b) ?? "null",
          });
          checkAnswer(res.status, await res.text());
        }),
        { numRuns: 40 },
      );
      expect(await fingerprint()).toBe(before);
    });

  it("answers malformed queries with 4xx, never 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...QUERIES),
        fc.dictionary(
          fc.constantFrom("unit", "q", "cursor", "limit", "kind", "from", "to", "status", "x"),
          nasty,
        ),
        async (path, q) => {
          const res = await fetch(
            `${server.url}${path}?${new URLSearchParams(q as Record<string, string>)}`,
            { headers },
          );
          checkAnswer(res.status, await res.text());
        },
      ),
      { numRuns: 60 },
    );
  });

  it("answers a body that is not JSON, or too large, with 4xx", async () => {
    for (const raw of ["{", "\u0000", "[".repeat(10_000), `{"text":"${"x".repeat(300_000)}"}`]) {
      const res = await fetch(`${server.url}/api/v1/reports`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": DEMO_INTAKE_KEY },
        body: raw,
      });
      checkAnswer(res.status, await res.text());
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
  });
});

describe("storage faults", () => {
  it("answer 503 with Retry-After, /healthz says the store is not writable, and nothing is lost after", async () => {
    const db = server.app.store.kysely;
    const f = server.app.network.feeders[2];
    const report = {
      channel: "call_centre",
      text: "read-only test",
      category: "supply_cut",
      lat: f.lat,
      lon: f.lon,
    };
    await sql`pragma query_only = 1`.execute(db);
    try {
      const res = await postReport(server.url, report);
      expect(res.status).toBe(503);
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(health.headers.get("retry-after")).toBe("5");
      expect(await health.json()).toMatchObject({ store: "not writable" });
    } finally {
      await sql`pragma query_only = 0`.execute(db);
    }
    expect((await postReport(server.url, report)).status).toBe(201);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
