import { renderToString } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import en from "../../client/i18n/public.en.json";
import hi from "../../client/i18n/public.hi.json";
import { initI18n, setLanguage } from "../../client/i18n/index.js";
import { OutageList } from "../../client/panels/outages/OutageList.js";
import {
  groupByDistrict,
  outageMatches,
  placeKey,
  shortPlace,
} from "../../client/panels/outages/search.js";
import { WhoToCallResult } from "../../client/panels/outages/WhoToCallResult.js";
import { registerPublicStrings } from "../../client/views/outages-i18n.js";
import { checkLookup, normaliseLookup } from "../../client/views/OutagesApi.js";
import type { PublicOutage, WhoToCall } from "../../shared/public.js";

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

const name = (en: string, hi: string) => ({ en, hi });
function outage(over: Partial<PublicOutage> & { id: string }): PublicOutage {
  return {
    kind: "unplanned",
    since: "2026-12-07T04:00:00.000Z",
    expectedRestorationAt: null,
    consumersAffected: 120,
    reason: null,
    district: { id: "up-gorakhpur", name: name("Gorakhpur", "गोरखपुर") },
    division: {
      id: "div",
      name: name("Electricity Distribution Division Golghar", "विद्युत वितरण खंड गोलघर"),
    },
    subdivision: null,
    substation: { id: "ss", name: name("33/11 kV Substation Rustampur", "33/11 केवी उपकेंद्र रुस्तमपुर") },
    feeders: [
      {
        id: "f1",
        name: name("11 kV Feeder Rustampur-2", "11 केवी फीडर रुस्तमपुर-2"),
        lat: 26.7,
        lon: 83.4,
      },
    ],
    ...over,
  };
}

beforeAll(() => {
  initI18n("en");
  registerPublicStrings();
});
afterEach(() => setLanguage("en", false));

describe("finding outages by place", () => {
  const o = outage({ id: "a" });
  it("matches district, town, substation and feeder names in either script, any case", () => {
    for (const q of [
      "gorakhpur",
      "GORAKHPUR",
      "गोरखपुर",
      "golghar",
      "गोलघर",
      "rustampur-2",
      "रुस्तमपुर",
    ])
      expect(outageMatches(o, q), q).toBe(true);
    expect(outageMatches(o, "Lucknow")).toBe(false);
    expect(outageMatches(o, "   ")).toBe(true);
  });

  it("ignores the nukta, so ज matches ज़", () => {
    expect(placeKey("ग़ाज़ीपुर")).toBe(placeKey("गाजीपुर"));
    const g = outage({
      id: "g",
      district: { id: "up-ghazipur", name: name("Ghazipur", "ग़ाज़ीपुर") },
    });
    expect(outageMatches(g, "गाजीपुर")).toBe(true);
  });

  it("groups by district, most consumers off first, unknown district last", () => {
    const groups = groupByDistrict(
      [
        outage({ id: "a", consumersAffected: 10 }),
        outage({
          id: "b",
          consumersAffected: 500,
          district: { id: "up-lucknow", name: name("Lucknow", "लखनऊ") },
        }),
        outage({ id: "c", consumersAffected: 5, since: "2026-12-07T05:00:00.000Z" }),
        outage({ id: "d", consumersAffected: 1, district: null }),
      ],
      "hi",
    );
    expect(groups.map((g) => [g.id, g.name, g.outages.map((o) => o.id)])).toEqual([
      ["up-lucknow", "लखनऊ", ["b"]],
      ["up-gorakhpur", "गोरखपुर", ["c", "a"]],
      ["", "", ["d"]],
    ]);
  });

  it("shortens unit names to what people call the place", () => {
    expect(shortPlace("33/11 kV Substation Rustampur")).toBe("Rustampur");
    expect(shortPlace("33/11 केवी उपकेंद्र रुस्तमपुर")).toBe("रुस्तमपुर");
    expect(shortPlace("Electricity Distribution Division Golghar")).toBe("Golghar");
  });
});

describe("the who-to-call form's checks", () => {
  it("normalises what people type and checks it as the server would", () => {
    expect(normaliseLookup("account", "12345 67890")).toBe("1234567890");
    expect(checkLookup("account", "1234567890")).toBeNull();
    expect(checkLookup("account", "12345")).toBe("invalid_account");
    expect(normaliseLookup("ticket", " gkp-000123 ")).toBe("GKP-000123");
    expect(checkLookup("ticket", "GKP-000123")).toBeNull();
    expect(checkLookup("ticket", "GKP123")).toBe("invalid_ticket");
    expect(checkLookup("place", "x")).toBe("invalid_place");
  });
});

describe("OutageList", () => {
  const groups = groupByDistrict([outage({ id: "a", consumersAffected: 1234 })], "en");
  const now = Date.parse("2026-12-07T06:00:00.000Z");

  it("says since when, how many consumers and that restoration is not yet known", () => {
    const t = text(renderToString(<OutageList groups={groups} lng="en" now={now} />));
    expect(t).toContain("Gorakhpur");
    expect(t).toContain("11 kV Feeder Rustampur-2");
    expect(t).toContain("Substation: Rustampur · Golghar");
    expect(t).toContain("Off since 7 Dec, 09:30 IST (2 hr ago)");
    expect(t).toContain("1,234 consumers affected");
    expect(t).toContain("Restoration time not yet known");
  });

  it("reads in Hindi, with the expected restoration time when an officer set one", () => {
    setLanguage("hi", false);
    const set = groupByDistrict(
      [
        outage({
          id: "a",
          expectedRestorationAt: "2026-12-07T08:30:00.000Z",
          consumersAffected: 1,
        }),
      ],
      "hi",
    );
    const t = text(renderToString(<OutageList groups={set} lng="hi" now={now} />));
    expect(t).toContain("गोरखपुर");
    expect(t).toContain("14:00 IST तक बिजली लौटने की उम्मीद");
    expect(t).toContain("1 उपभोक्ता प्रभावित");
  });

  it("marks a planned shutdown apart from an outage", () => {
    const planned = groupByDistrict(
      [outage({ id: "p", kind: "planned", reason: "Line maintenance" })],
      "en",
    );
    const html = renderToString(<OutageList groups={planned} lng="en" now={now} />);
    expect(html).toContain("outage-card--planned");
    expect(text(html)).toContain("Planned shutdown");
    expect(text(html)).toContain("Reason: Line maintenance");
  });
});

describe("WhoToCallResult", () => {
  const answer: WhoToCall = {
    precision: "feeder",
    district: { id: "up-gorakhpur", name: name("Gorakhpur", "गोरखपुर") },
    subdivision: {
      id: "sd",
      name: name("Electricity Distribution Sub-division Golghar", "विद्युत वितरण उपखंड गोलघर"),
    },
    substation: { id: "ss", name: name("33/11 kV Substation Rustampur", "33/11 केवी उपकेंद्र रुस्तमपुर") },
    feeder: { id: "f1", name: name("11 kV Feeder Rustampur-2", "11 केवी फीडर रुस्तमपुर-2") },
    officers: [
      {
        role: "je",
        title: name("Junior Engineer", "अवर अभियंता"),
        name: name("Vinod Mishra", "विनोद मिश्रा"),
        unit: name("", ""),
        phone: "9000012345",
      },
      {
        role: "sdo",
        title: name("Sub-Divisional Officer", "उपखंड अधिकारी"),
        name: name("Asha Verma", "आशा वर्मा"),
        unit: name("", ""),
        phone: null,
      },
    ],
    fuseCall: {
      unit: name("Electricity Distribution Sub-division Golghar", "विद्युत वितरण उपखंड गोलघर"),
      phone: "0551-2200000",
    },
    helpline: "1912",
    outage: null,
  };

  it("links the published numbers to call and says which are not published", () => {
    const html = renderToString(<WhoToCallResult answer={answer} lng="en" />);
    expect(html).toContain('href="tel:9000012345"');
    expect(html).toContain('href="tel:05512200000"');
    expect(html).toContain('href="tel:1912"');
    expect(text(html)).toContain("Number not published: call 1912");
    expect(text(html)).toContain("Fuse-call centre (Golghar)");
  });
});

describe("the public page's strings", () => {
  const leaves = (o: object, prefix = ""): Record<string, string> =>
    Object.entries(o).reduce<Record<string, string>>((out, [k, v]) => {
      if (typeof v === "string") out[prefix + k] = v;
      else Object.assign(out, leaves(v as object, `${prefix}${k}.`));
      return out;
    }, {});

  it("have the same keys and placeholders in English and Hindi, Hindi in Devanagari", () => {
    const e = leaves(en);
    const h = leaves(hi);
    expect(Object.keys(h).sort()).toEqual(Object.keys(e).sort());
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(e)) {
      expect(vars(h[k]), k).toEqual(vars(v));
      expect(h[k], k).toMatch(/[\u0900-\u097F]/);
    }
  });
});
