import { renderToString } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { initI18n, setLanguage } from "../../client/i18n/index.js";
import { LimitsTable } from "../../client/panels/admin/LimitsTable.js";
import { LifecycleFields } from "../../client/panels/admin/LifecycleFields.js";
import {
  overrideIndexOf,
  toDraft,
  validateDraft,
  type SettingsDraft,
} from "../../client/panels/admin/settingsDraft.js";
import type { LifecycleSettings, SlaLimit } from "../../client/panels/admin/types.js";

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The limits as the server seeds them: one verified row, the rest reference values. */
function limit(
  category: SlaLimit["category"],
  verified: boolean,
  over: Partial<SlaLimit> = {},
): SlaLimit {
  return {
    category,
    aClassHours: 6,
    urbanHours: 8,
    ruralHours: 24,
    compensationPerDay: 150,
    verified,
    source: verified ? "UPERC SoP 2019 (HT 2020-02-19)" : "Reference: TS SPDCL",
    ...over,
  };
}

const SETTINGS: LifecycleSettings = {
  routing: [
    { category: "supply_cut", role: "je" },
    { category: "pole_wire", role: "je" },
    { category: "meter_jumping", role: "sdo" },
    { category: "meter_reading", role: "sdo" },
    { category: "bill_generation", role: "sdo" },
    { category: "connection_transfer", role: "sdo" },
    { category: "bill_generation", role: "xen", unitId: "lko-circle" },
  ],
  slaLimits: [
    limit("supply_cut", true),
    limit("pole_wire", false),
    limit("meter_jumping", false, {
      aClassHours: 168,
      urbanHours: 168,
      ruralHours: 360,
      compensationPerDay: 50,
    }),
    limit("meter_reading", false),
    limit("bill_generation", false),
    limit("connection_transfer", false),
  ],
  confirmWindowHours: 72,
  otpMaxAttempts: 5,
};

function rows(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<tr data-category="([a-z_]+)"[^>]*>(.*?)<\/tr>/g))
    out[m[1]] = text(m[2]);
  return out;
}

const renderLimits = (draft: SettingsDraft, errors: Record<string, string> = {}) =>
  renderToString(<LimitsTable limits={draft.limits} errors={errors} onChange={() => undefined} />);

beforeAll(() => {
  initI18n("en");
});
afterEach(() => setLanguage("en", false));

describe("LimitsTable", () => {
  it("marks unverified rows 'Not verified' and the verified one 'Verified', in English", () => {
    const r = rows(renderLimits(toDraft(SETTINGS)));
    expect(r.supply_cut).toContain("Supply cut");
    expect(r.supply_cut).toContain("Verified");
    expect(r.supply_cut).not.toContain("Not verified");
    for (const c of [
      "pole_wire",
      "meter_jumping",
      "meter_reading",
      "bill_generation",
      "connection_transfer",
    ]) {
      expect(r[c]).toContain("Not verified");
    }
  });

  it("says the same in Hindi, with category names in Hindi", () => {
    setLanguage("hi", false);
    const html = renderLimits(toDraft(SETTINGS));
    const r = rows(html);
    expect(r.supply_cut).toContain("बिजली आपूर्ति बाधित");
    expect(r.supply_cut).toContain("सत्यापित");
    expect(r.supply_cut).not.toContain("सत्यापित नहीं");
    expect(r.pole_wire).toContain("खंभा / तार");
    expect(r.pole_wire).toContain("सत्यापित नहीं");
    expect(text(html)).toContain("शहरी (घंटे)");
    expect(html).not.toMatch(/Not verified|Urban \(hours\)/);
  });

  it("puts the source on the badge's hover text and shows field errors next to their input", () => {
    const draft = toDraft(SETTINGS);
    const html = renderLimits(draft, { "slaLimits.1.urbanHours": "Must be more than 0." });
    expect(html).toContain(
      'title="Checked against a published source. Source: UPERC SoP 2019 (HT 2020-02-19)"',
    );
    expect(html).toContain('aria-describedby="slaLimits.1.urbanHours-error"');
    expect(rows(html).pole_wire).toContain("Must be more than 0.");
    expect(html).toContain('value="168"');
  });
});

describe("settings draft", () => {
  it("round-trips the server's settings into the PUT body unchanged", () => {
    const { errors, patch } = validateDraft(toDraft(SETTINGS));
    expect(errors).toEqual({});
    expect(patch?.slaLimits).toEqual(SETTINGS.slaLimits);
    expect(patch?.routing).toEqual(SETTINGS.routing);
    expect(patch?.confirmWindowHours).toBe(72);
    expect(patch?.otpMaxAttempts).toBe(5);
  });

  it("refuses zero, negative, empty and non-numeric values with the server's field paths", () => {
    const d = toDraft(SETTINGS);
    d.limits[0] = { ...d.limits[0], urbanHours: "0", ruralHours: "", aClassHours: "six" };
    d.limits[1] = { ...d.limits[1], compensationPerDay: "-5" };
    d.confirmWindowHours = "2.5e9";
    d.otpMaxAttempts = "2.5";
    d.overrides.push({ key: "x", category: "bill_generation", role: "se", unitId: "lko-circle" });
    const { errors, patch } = validateDraft(d);
    expect(patch).toBeNull();
    expect(errors).toEqual({
      "slaLimits.0.urbanHours": "positive",
      "slaLimits.0.ruralHours": "number",
      "slaLimits.0.aClassHours": "number",
      "slaLimits.1.compensationPerDay": "notNegative",
      confirmWindowHours: "tooLarge",
      otpMaxAttempts: "wholeNumber",
      "routing.7.unitId": "duplicateRule",
    });
    expect(overrideIndexOf("routing.7.unitId")).toBe(1);
    expect(overrideIndexOf("routing.2.role")).toBeNull();
  });

  it("explains the confirmation window and OTP tries in one line each", () => {
    const html = renderToString(
      <LifecycleFields
        confirmWindowHours="72"
        otpMaxAttempts="5"
        errors={{}}
        onChange={() => undefined}
      />,
    );
    expect(text(html)).toContain("closes the ticket as “closed unconfirmed”");
    expect(text(html)).toContain("Wrong OTPs a consumer may enter before the code locks");
  });
});
