import { describe, expect, it } from "vitest";
import en from "../../client/i18n/en.json";
import hi from "../../client/i18n/hi.json";
import { formatAge, formatCount } from "../../client/i18n/format.js";
import { pickLanguage } from "../../client/i18n/index.js";

function leaves(o: object, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === "string") out[prefix + k] = v;
    else Object.assign(out, leaves(v as object, `${prefix}${k}.`));
  }
  return out;
}

describe("translations", () => {
  const enKeys = leaves(en);
  const hiKeys = leaves(hi);

  it("have the same keys in English and Hindi", () => {
    expect(Object.keys(hiKeys).sort()).toEqual(Object.keys(enKeys).sort());
  });

  it("write Hindi in Devanagari", () => {
    // Brand names and the language switch are the only Hindi strings without Devanagari.
    const latinOnly = Object.entries(hiKeys).filter(([, v]) => !/[\u0900-\u097F]/.test(v));
    expect(latinOnly.map(([k]) => k).sort()).toEqual(["app.nameAlt", "language.switchTo"]);
  });

  it("keep the same placeholders in both languages", () => {
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(enKeys)) expect(vars(hiKeys[k]), k).toEqual(vars(v));
  });
});

describe("language choice", () => {
  it("lets ?lang= in the URL win over the remembered choice", () => {
    expect(pickLanguage("?lang=hi", "en")).toBe("hi");
    expect(pickLanguage("?lang=en", "hi")).toBe("en");
    expect(pickLanguage("", "hi")).toBe("hi");
    expect(pickLanguage("?lang=fr", null)).toBe("en");
  });
});

describe("formatting", () => {
  it("groups digits the Indian way", () => {
    expect(formatCount(1234567, "en")).toBe("12,34,567");
    expect(formatCount(1234567, "hi")).toBe("12,34,567");
  });

  it("gives short relative ages", () => {
    expect(formatAge(2_000, "en")).toBe("now");
    expect(formatAge(12_000, "en")).toBe("12 sec ago");
    expect(formatAge(3 * 3600_000, "hi")).toContain("पहले");
  });
});
