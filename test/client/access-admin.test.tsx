import { renderToString } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../shared/access.js";
import { ApiRequestError } from "../../client/api/http.js";
import { i18n, initI18n, setLanguage } from "../../client/i18n/index.js";
import accessEn from "../../client/i18n/access.en.json";
import accessHi from "../../client/i18n/access.hi.json";
import { auditQuery, NO_FILTER } from "../../client/panels/access/auditFilter.js";
import { AuditTable } from "../../client/panels/access/AuditTable.js";
import { EMPTY_KEY, validateKeyDraft } from "../../client/panels/access/keyDraft.js";
import { KeyForm } from "../../client/panels/access/KeyForm.js";
import { KeySecret } from "../../client/panels/access/KeySecret.js";
import {
  EMPTY_DRAFT,
  serverErrors,
  validatePassword,
  validateUserDraft,
} from "../../client/panels/access/userDraft.js";
import { UserForm } from "../../client/panels/access/UserForm.js";
import { lookupQuery } from "../../client/panels/access/lookup.js";

const ta = () => i18n.getFixedT(null, "access");
/** The opening tag of the control named `name`, whatever order React wrote its attributes in. */
const control = (html: string, name: string) =>
  new RegExp(`<(input|select)[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? "";
const render = (node: React.ReactNode) => renderToString(<MemoryRouter>{node}</MemoryRouter>);

beforeAll(() => {
  initI18n("en");
});
afterEach(() => setLanguage("en", false));

describe("the create-user form's validation", () => {
  it("names every missing field, with the password's minimum", () => {
    const r = validateUserDraft(EMPTY_DRAFT, ta());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      username: "must be 2 to 40 letters, digits, '.', '_' or '-'",
      name: "is required",
      unitId: "is required",
      password: "must be at least 8 characters",
    });
  });

  it("asks which officer an officer's sign-in is for", () => {
    const draft = {
      ...EMPTY_DRAFT,
      username: "je.one",
      name: "JE One",
      role: "officer" as const,
      unitId: "ss-1",
      password: "a long passphrase",
    };
    const r = validateUserDraft(draft, ta());
    expect(r.ok ? {} : r.errors).toEqual({ officerId: "choose the officer this sign-in is for" });
    const ok = validateUserDraft({ ...draft, officerId: "je-ss-1" }, ta());
    expect(ok).toEqual({
      ok: true,
      input: {
        username: "je.one",
        name: "JE One",
        role: "officer",
        unitId: "ss-1",
        password: "a long passphrase",
        officerId: "je-ss-1",
      },
    });
  });

  it("sends the username as the server stores it and no officer for other roles", () => {
    const r = validateUserDraft(
      {
        ...EMPTY_DRAFT,
        username: "  SE.Gorakhpur ",
        name: "SE",
        unitId: "gkp",
        password: "12345678",
        officerId: "left-over",
      },
      ta(),
    );
    expect(r).toMatchObject({ ok: true, input: { username: "se.gorakhpur" } });
    expect(r.ok && "officerId" in r.input).toBe(false);
  });

  it("shows the server's refusals next to their fields, in Hindi too", () => {
    setLanguage("hi", false);
    expect(serverErrors(new ApiRequestError(400, "weak_password", "common"), ta())).toEqual({
      password: "बहुत आम या कमज़ोर है; दूसरा चुनें",
    });
    expect(serverErrors(new ApiRequestError(409, "conflict", "taken"), ta())).toEqual({
      username: "पहले से लिया जा चुका है",
    });
    expect(serverErrors(new ApiRequestError(500, "internal", "boom"), ta())).toBeNull();
    expect(validatePassword("short", ta())).toBe("कम से कम 8 अक्षर होने चाहिए");
  });

  it("renders each error under its field, marked invalid and described by it", () => {
    const r = validateUserDraft(EMPTY_DRAFT, ta());
    const errors = r.ok ? {} : r.errors;
    const html = render(
      <UserForm
        draft={EMPTY_DRAFT}
        onChange={() => undefined}
        errors={errors}
        busy={false}
        onSubmit={() => undefined}
        onCancel={() => undefined}
        unitField={<span>UNIT PICKER</span>}
      />,
    );
    expect(control(html, "username")).toContain('aria-invalid="true"');
    expect(control(html, "username")).toContain('aria-describedby="user-username-error"');
    expect(html).toMatch(/id="user-username-error"[^>]*>.*must be 2 to 40/s);
    expect(html).toMatch(/id="user-password-error"[^>]*>.*at least 8 characters/s);
    expect(html).toMatch(/id="user-unitId-error"[^>]*>.*is required/s);
    expect(html).toContain("UNIT PICKER");
    expect(control(html, "role")).not.toBe("");
    expect(control(html, "role")).not.toContain("aria-invalid");
  });
});

describe("the create-key form's validation", () => {
  it("asks for a name, a channel and a whole-number rate", () => {
    const r = validateKeyDraft({ name: " ", channels: [], ratePerMinute: "1.5" }, ta());
    expect(r.ok ? {} : r.errors).toEqual({
      name: "is required",
      channels: "choose at least one channel",
      ratePerMinute: "must be a whole number from 1 to 100,000",
    });
    expect(validateKeyDraft({ ...EMPTY_KEY, name: "CRM", ratePerMinute: "0" }, ta()).ok).toBe(
      false,
    );
    expect(validateKeyDraft({ ...EMPTY_KEY, name: "CRM" }, ta())).toEqual({
      ok: true,
      input: { name: "CRM", channels: ["call_centre"], ratePerMinute: 60 },
    });
  });

  it("renders the channel error on the group and the rate error on its input", () => {
    const html = render(
      <KeyForm
        draft={{ name: "CRM", channels: [], ratePerMinute: "x" }}
        onChange={() => undefined}
        errors={{
          channels: "choose at least one channel",
          ratePerMinute: "must be a whole number",
        }}
        busy={false}
        formError={null}
        onSubmit={() => undefined}
      />,
    );
    expect(html).toMatch(/<fieldset[^>]*aria-describedby="key-channels-error"/);
    expect(control(html, "ratePerMinute")).toContain('aria-invalid="true"');
    expect(control(html, "name")).not.toBe("");
    expect(control(html, "name")).not.toContain("aria-invalid");
  });

  it("shows the new secret once with the warning that it will not be shown again", () => {
    setLanguage("hi", false);
    const html = render(
      <KeySecret
        created={{
          secret: "nk_live_0123456789abcdef",
          key: {
            id: 1,
            name: "CRM",
            prefix: "nk_live_01",
            channels: ["call_centre"],
            ratePerMinute: 60,
            createdAt: "2026-12-07T04:00:00Z",
            createdBy: "user:admin",
            revokedAt: null,
            lastUsedAt: null,
          },
        }}
        onDone={() => undefined}
      />,
    );
    expect(html).toContain("nk_live_0123456789abcdef");
    expect(html).toContain("यह फिर नहीं दिखेगी");
    expect(html).toContain("कॉपी करें");
  });
});

describe("the audit filters", () => {
  it("refuses a period that ends before it starts", () => {
    expect(auditQuery({ ...NO_FILTER, from: "2026-12-07", to: "2026-12-01" }, ta())).toEqual({
      ok: false,
      error: "'From' must be before 'To'",
    });
  });

  it("sends kind, trimmed actor and the whole of both days", () => {
    const r = auditQuery(
      { kind: "sign_in_failed", actor: " user:agent ", from: "2026-12-01", to: "2026-12-01" },
      ta(),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.query).toMatchObject({ kind: "sign_in_failed", actor: "user:agent", limit: 50 });
    const span = Date.parse(r.query.to ?? "") - Date.parse(r.query.from ?? "");
    expect(span).toBe(24 * 3600_000 - 1);
    expect(auditQuery(NO_FILTER, ta())).toEqual({ ok: true, query: { limit: 50 } });
  });

  it("shows a script in an entry's detail as text, never as markup", () => {
    const entry: AuditEntry = {
      id: 1,
      at: "2026-12-07T04:00:00Z",
      kind: "sign_in_failed",
      actor: "anonymous",
      address: "10.0.0.9",
      detail: { username: "<script>alert(1)</script>" },
    };
    const html = render(<AuditTable entries={[entry]} />);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Failed sign-in");
  });
});

describe("the call centre's ticket look-up", () => {
  it("looks a phone up as a phone and anything else as a ticket number", () => {
    expect(lookupQuery(" 98765 43210 ")).toEqual({ phone: "98765 43210" });
    expect(lookupQuery("+91-98765-43210")).toEqual({ phone: "+91-98765-43210" });
    expect(lookupQuery("gkp-000123")).toEqual({ q: "GKP-000123" });
    expect(lookupQuery("1234")).toEqual({ q: "1234" });
    expect(lookupQuery("   ")).toBeNull();
  });
});

describe("the access translations", () => {
  const leaves = (o: object, prefix = ""): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === "string") out[prefix + k] = v;
      else Object.assign(out, leaves(v as object, `${prefix}${k}.`));
    }
    return out;
  };

  it("have the same keys and placeholders in English and Hindi", () => {
    const en = leaves(accessEn);
    const hi = leaves(accessHi);
    expect(Object.keys(hi).sort()).toEqual(Object.keys(en).sort());
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(en)) expect(vars(hi[k]), k).toEqual(vars(v));
  });

  it("write Hindi in Devanagari", () => {
    const latin = Object.entries(leaves(accessHi)).filter(([, v]) => !/[\u0900-\u097F]/.test(v));
    expect(latin.map(([k]) => k)).toEqual(["header.scope"]);
  });
});
