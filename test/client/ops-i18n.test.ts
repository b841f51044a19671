import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../client/i18n/ops.en.json";
import hi from "../../client/i18n/ops.hi.json";

function leaves(o: object, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === "string") out[prefix + k] = v;
    else Object.assign(out, leaves(v as object, `${prefix}${k}.`));
  }
  return out;
}

describe("the ops translations", () => {
  const enKeys = leaves(en);
  const hiKeys = leaves(hi);

  it("have the same keys in English and Hindi", () => {
    expect(Object.keys(hiKeys).sort()).toEqual(Object.keys(enKeys).sort());
  });

  it("write Hindi in Devanagari", () => {
    const latinOnly = Object.entries(hiKeys).filter(([, v]) => !/[\u0900-\u097F]/.test(v));
    expect(latinOnly.map(([k]) => k)).toEqual([]);
  });

  it("keep the same placeholders in both languages", () => {
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(enKeys)) expect(vars(hiKeys[k]), k).toEqual(vars(v));
  });

  it("has no key that the operations screens never use", () => {
    const root = path.resolve(import.meta.dirname, "../../client");
    const files = ["api", "views", "panels/tickets", "panels/units", "app"].flatMap((d) =>
      fs
        .readdirSync(path.join(root, d))
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => fs.readFileSync(path.join(root, d, f), "utf8")),
    );
    const source = files.join("\n");
    // Keys built in a template (`actions.name.${a}`) count as used through their prefix.
    const unused = Object.keys(enKeys).filter((key) => {
      // i18next plurals: `x_one` and `x_other` are used as `x` with a count.
      const k = key.replace(/_(zero|one|two|few|many|other)$/, "");
      if (source.includes(`"${k}"`)) return false;
      for (let i = k.length - 1; i > 0; i--) {
        if (source.includes(`\`${k.slice(0, i)}\${`)) return false;
      }
      return true;
    });
    expect(unused).toEqual([]);
  });
});
