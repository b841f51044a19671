import http from "node:http";
import type { AddressInfo } from "node:net";
import { renderToString } from "react-dom/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SessionResponse } from "../../shared/access.js";
import { ApiRequestError, apiFetch, parseRetryAfter } from "../../client/api/http.js";
import { sessionStore, signedIn } from "../../client/app/session.js";
import { i18n, initI18n, setLanguage } from "../../client/i18n/index.js";
import { LoginForm, type LoginFormProps } from "../../client/panels/access/LoginForm.js";
import { loginErrorText } from "../../client/panels/access/loginErrors.js";

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const ta = () => i18n.getFixedT(null, "access");

const FORM: LoginFormProps = {
  username: "control",
  password: "",
  onUsername: () => undefined,
  onPassword: () => undefined,
  onSubmit: () => undefined,
  busy: false,
  error: null,
  ended: false,
  demo: null,
};

const SESSION: SessionResponse = {
  user: {
    id: 2,
    username: "control",
    name: "Control Room",
    role: "control_room",
    unitId: "network",
    unitName: "Whole network",
    unitNameHi: "पूरा नेटवर्क",
    officerId: null,
  },
  csrfToken: "csrf-abc",
  demo: true,
};

beforeAll(() => {
  initI18n("en");
});
afterEach(() => {
  setLanguage("en", false);
  sessionStore.set({ status: "unknown" });
});

describe("a failed sign-in's message", () => {
  it("says wrong username or password for bad credentials, in both languages", () => {
    const err = new ApiRequestError(401, "bad_credentials", "bad");
    expect(loginErrorText(err, ta())).toBe("Wrong username or password.");
    setLanguage("hi", false);
    expect(loginErrorText(err, ta())).toBe("उपयोगकर्ता नाम या पासवर्ड गलत है।");
  });

  it("names the wait when rate limited, in seconds or rounded-up minutes", () => {
    const soon = new ApiRequestError(429, "rate_limited", "slow", {}, {}, 45);
    expect(loginErrorText(soon, ta())).toBe("Too many sign-in attempts. Try again in 45 seconds.");
    const later = new ApiRequestError(429, "rate_limited", "slow", {}, {}, 121);
    expect(loginErrorText(later, ta())).toBe("Too many sign-in attempts. Try again in 3 minutes.");
    const unknown = new ApiRequestError(429, "rate_limited", "slow");
    expect(loginErrorText(unknown, ta())).toMatch(/Wait a little/);
    setLanguage("hi", false);
    expect(loginErrorText(soon, ta())).toBe("साइन इन के बहुत अधिक प्रयास। 45 सेकंड बाद फिर प्रयास करें।");
  });

  it("tells a server that does not answer from a wrong password", () => {
    expect(loginErrorText(new ApiRequestError(0, "network", "Failed to fetch"), ta())).toMatch(
      /server is not answering/,
    );
    const busy = new ApiRequestError(503, "unavailable", "locked", {}, {}, 5);
    expect(loginErrorText(busy, ta())).toBe("The server is busy. Try again in 5 seconds.");
  });
});

describe("Retry-After", () => {
  it("reads seconds and HTTP dates, and nothing else", () => {
    expect(parseRetryAfter("30")).toBe(30);
    const now = Date.parse("2026-12-07T10:00:00Z");
    expect(parseRetryAfter("Mon, 07 Dec 2026 10:02:00 GMT", now)).toBe(120);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});

describe("LoginForm", () => {
  it("labels both fields and ties the error to them for screen readers", () => {
    const html = renderToString(<LoginForm {...FORM} error="Wrong username or password." />);
    expect(html).toMatch(/<label[^>]*>.*Username.*<input[^>]*autoComplete="username"/s);
    expect(html).toMatch(/type="password"[^>]*autoComplete="current-password"/);
    expect(html).toMatch(/id="login-error"[^>]*role="alert"/);
    expect(html.match(/aria-describedby="login-error"/g)).toHaveLength(2);
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(2);
  });

  it("shows no error markup and no invalid fields before a try", () => {
    const html = renderToString(<LoginForm {...FORM} />);
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain("aria-invalid");
  });

  it("names the demo users and their roles only in demo mode, in Hindi too", () => {
    const demo = {
      demo: true,
      users: [
        { username: "minister", role: "minister" as const, unitId: "network" },
        { username: "agent", role: "call_centre" as const, unitId: "network" },
      ],
    };
    setLanguage("hi", false);
    const html = text(renderToString(<LoginForm {...FORM} demo={demo} />));
    expect(html).toContain("डेमो उपयोगकर्ता");
    expect(html).toContain("minister मंत्री / प्रबंध निदेशक");
    expect(html).toContain("agent कॉल सेंटर");
    expect(html).toContain("DEMO_PASSWORD");
    const off = renderToString(<LoginForm {...FORM} demo={{ demo: false, users: demo.users }} />);
    expect(off).not.toContain("agent");
  });

  it("says the session ended when it did", () => {
    expect(text(renderToString(<LoginForm {...FORM} ended />))).toContain("Your session has ended");
  });
});

describe("apiFetch and the session", () => {
  let server: http.Server;
  let base: string;
  const seen: Array<{ method: string; url: string; csrf: string | undefined }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        csrf: req.headers["x-csrf-token"] as string | undefined,
      });
      if (req.url === "/api/v1/tickets/expired") {
        res.writeHead(401, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "unauthenticated", message: "signed out" } }));
        return;
      }
      if (req.url === "/api/v1/session") {
        res.writeHead(401, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "unauthenticated", message: "no session" } }));
        return;
      }
      if (req.url === "/api/v1/slow") {
        res.writeHead(429, { "content-type": "application/json", "retry-after": "17" });
        res.end(JSON.stringify({ error: { code: "rate_limited", message: "slow down" } }));
        return;
      }
      res.writeHead(req.method === "DELETE" ? 204 : 200, { "content-type": "application/json" });
      res.end(req.method === "DELETE" ? "" : JSON.stringify({ ok: true }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("sends the CSRF token on every change and never on a read", async () => {
    signedIn(SESSION);
    seen.length = 0;
    await apiFetch(`${base}/api/v1/tickets`);
    await apiFetch(`${base}/api/v1/tickets/X/actions`, { body: { type: "note" } });
    await apiFetch(`${base}/api/v1/settings`, { method: "PUT", body: {} });
    await apiFetch(`${base}/api/v1/users/3`, { method: "PATCH", body: { disabled: true } });
    await apiFetch(`${base}/api/v1/keys/4`, { method: "DELETE" });
    expect(seen.map((s) => [s.method, s.csrf])).toEqual([
      ["GET", undefined],
      ["POST", "csrf-abc"],
      ["PUT", "csrf-abc"],
      ["PATCH", "csrf-abc"],
      ["DELETE", "csrf-abc"],
    ]);
  });

  it("ends the session on a 401 unauthenticated, so the guard sends the person to /login", async () => {
    signedIn(SESSION);
    await expect(apiFetch(`${base}/api/v1/tickets/expired`)).rejects.toMatchObject({
      status: 401,
      code: "unauthenticated",
    });
    expect(sessionStore.get()).toEqual({ status: "signed_out", ended: true });
  });

  it("does not count the session endpoint's own 401 as a session ending", async () => {
    sessionStore.set({ status: "loading" });
    await expect(apiFetch(`${base}/api/v1/session`)).rejects.toMatchObject({ status: 401 });
    expect(sessionStore.get()).toEqual({ status: "loading" });
  });

  it("carries Retry-After on the error", async () => {
    await expect(apiFetch(`${base}/api/v1/slow`)).rejects.toMatchObject({
      status: 429,
      retryAfter: 17,
    });
  });
});
