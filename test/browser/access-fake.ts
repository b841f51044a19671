import type { BrowserContext, Route } from "playwright-core";
import type {
  ApiKeyView,
  AuditEntry,
  DemoInfo,
  Role,
  SessionResponse,
  UserView,
} from "../../shared/access.js";

/**
 * A stand-in for the sign-in part of the server (shared/access.ts) inside one browser context,
 * until the server side of issue 8 is merged: sessions, users, keys and the audit log answer from
 * memory; every other request reaches the real test server. It records the CSRF header of every
 * change so the test can check the client sends it.
 */
export interface FakeAccess {
  /** [method, path, X-CSRF-Token] of every change the client made. */
  changes: Array<[string, string, string | null]>;
  /** From now on every API call answers 401 unauthenticated, as after an idle time-out. */
  expire(): void;
}

export interface DemoUser {
  username: string;
  role: Role;
  unitId: string;
  unitName: string;
  name: string;
}

const CSRF = "csrf-token-from-the-fake";

function json(route: Route, status: number, body: unknown, headers: Record<string, string> = {}) {
  return route.fulfill({
    status,
    headers: { "content-type": "application/json", ...headers },
    body: body === null ? "" : JSON.stringify(body),
  });
}

export async function fakeAccess(context: BrowserContext, demo: DemoUser[]): Promise<FakeAccess> {
  let signedIn: SessionResponse | null = null;
  let expired = false;
  let nextId = 100;
  const changes: FakeAccess["changes"] = [];
  const users: UserView[] = demo.map((u, i) => ({
    id: i + 1,
    username: u.username,
    name: u.name,
    role: u.role,
    unitId: u.unitId,
    unitName: u.unitName,
    officerId: u.role === "officer" ? `off-${u.username}` : null,
    disabled: false,
    createdAt: "2026-12-01T09:00:00.000Z",
    lastSignInAt: i % 2 ? null : "2026-12-06T18:30:00.000Z",
  }));
  const keys: ApiKeyView[] = [
    {
      id: 1,
      name: "Simulator",
      prefix: "nk_sim_4f",
      channels: ["call_centre", "whatsapp", "x", "app", "portal"],
      ratePerMinute: 600,
      createdAt: "2026-12-01T09:00:00.000Z",
      createdBy: "system",
      revokedAt: null,
      lastUsedAt: "2026-12-07T04:10:00.000Z",
    },
  ];
  const audit: AuditEntry[] = Array.from({ length: 70 }, (_, i) => ({
    id: 70 - i,
    at: new Date(Date.parse("2026-12-07T04:00:00Z") - i * 600_000).toISOString(),
    kind: i % 7 === 3 ? "sign_in_failed" : i % 5 === 1 ? "refused" : "sign_in",
    actor: i % 7 === 3 ? "anonymous" : `user:${demo[i % demo.length].username}`,
    address: `10.20.0.${(i % 40) + 2}`,
    detail: i % 7 === 3 ? { username: "<script>alert(1)</script>" } : { path: "/api/v1/tickets" },
  }));

  await context.route("**/api/v1/**", async (route) => {
    const req = route.request();
    const path = new URL(req.url()).pathname;
    if (req.method() !== "GET")
      changes.push([req.method(), path, req.headers()["x-csrf-token"] ?? null]);
    if (
      expired &&
      path !== "/api/v1/session/demo" &&
      !(path === "/api/v1/session" && req.method() === "POST")
    ) {
      return json(route, 401, { error: { code: "unauthenticated", message: "session ended" } });
    }
    if (path === "/api/v1/session/demo") {
      const info: DemoInfo = {
        demo: true,
        users: demo.map(({ username, role, unitId }) => ({ username, role, unitId })),
      };
      return json(route, 200, info);
    }
    if (path === "/api/v1/session") {
      if (req.method() === "GET") {
        return signedIn
          ? json(route, 200, signedIn)
          : json(route, 401, { error: { code: "unauthenticated" } });
      }
      if (req.method() === "DELETE") {
        signedIn = null;
        return json(route, 204, null);
      }
      const body = req.postDataJSON() as { username: string; password: string };
      if (body.username === "slow")
        return json(route, 429, { error: { code: "rate_limited" } }, { "retry-after": "120" });
      const u = demo.find((d) => d.username === body.username);
      if (!u || body.password !== "demo")
        return json(route, 401, { error: { code: "bad_credentials" } });
      expired = false;
      signedIn = {
        user: {
          id: demo.indexOf(u) + 1,
          username: u.username,
          name: u.name,
          role: u.role,
          unitId: u.unitId,
          unitName: u.unitName,
          unitNameHi: u.unitName,
          officerId: null,
        },
        csrfToken: CSRF,
        demo: true,
      };
      return json(route, 200, signedIn);
    }
    if (!signedIn) return json(route, 401, { error: { code: "unauthenticated" } });
    if (path === "/api/v1/users" && req.method() === "GET") return json(route, 200, { users });
    if (path === "/api/v1/users" && req.method() === "POST") {
      const b = req.postDataJSON() as {
        username: string;
        name: string;
        role: Role;
        unitId: string;
        password: string;
      };
      if (b.password === "password123")
        return json(route, 400, {
          error: {
            code: "weak_password",
            message: "too common",
            fields: { password: "is too common" },
          },
        });
      const user: UserView = {
        id: nextId++,
        username: b.username,
        name: b.name,
        role: b.role,
        unitId: b.unitId,
        unitName: b.unitId,
        officerId: null,
        disabled: false,
        createdAt: new Date().toISOString(),
        lastSignInAt: null,
      };
      users.push(user);
      return json(route, 201, { user });
    }
    const userMatch = /^\/api\/v1\/users\/(\d+)(\/password)?$/.exec(path);
    if (userMatch) {
      const user = users.find((u) => u.id === Number(userMatch[1]));
      if (!user) return json(route, 404, { error: { code: "not_found" } });
      if (userMatch[2]) return json(route, 204, null);
      Object.assign(user, req.postDataJSON());
      return json(route, 200, { user });
    }
    if (path === "/api/v1/keys" && req.method() === "GET") return json(route, 200, { keys });
    if (path === "/api/v1/keys" && req.method() === "POST") {
      const b = req.postDataJSON() as { name: string; channels: string[]; ratePerMinute: number };
      const key: ApiKeyView = {
        id: nextId++,
        name: b.name,
        prefix: "nk_live_9c",
        channels: b.channels,
        ratePerMinute: b.ratePerMinute,
        createdAt: new Date().toISOString(),
        createdBy: `user:${signedIn.user.username}`,
        revokedAt: null,
        lastUsedAt: null,
      };
      keys.push(key);
      return json(route, 201, { key, secret: "nk_live_9c2e7d41f0a86b35c1d9e4f7a2b60c83" });
    }
    const keyMatch = /^\/api\/v1\/keys\/(\d+)$/.exec(path);
    if (keyMatch && req.method() === "DELETE") {
      const key = keys.find((k) => k.id === Number(keyMatch[1]));
      if (key) key.revokedAt = new Date().toISOString();
      return json(route, 204, null);
    }
    if (path === "/api/v1/audit") {
      const q = new URL(req.url()).searchParams;
      const kind = q.get("kind");
      const cursor = Number(q.get("cursor") ?? Infinity);
      const limit = Number(q.get("limit") ?? 50);
      const rows = audit.filter((e) => (!kind || e.kind === kind) && e.id < cursor);
      const page = rows.slice(0, limit);
      return json(route, 200, {
        entries: page,
        nextCursor: rows.length > limit ? page[page.length - 1].id : null,
      });
    }
    return route.fallback();
  });

  return {
    changes,
    expire: () => {
      expired = true;
    },
  };
}
