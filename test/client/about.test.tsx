import fs from "node:fs";
import path from "node:path";
import { renderToString } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { initI18n, setLanguage } from "../../client/i18n/index.js";
import About from "../../client/views/About.js";
import { DATA_ATTRIBUTION, MIT_NOTICE } from "../../client/views/notices.js";

const SOURCES = path.resolve(import.meta.dirname, "../../server/network/data/SOURCES.md");

/** The "Attribution to ship" section of the shipped SOURCES.md: its quote and its MIT block. */
function attributionSection(): { quote: string; mit: string } {
  const md = fs.readFileSync(SOURCES, "utf8");
  const section = md.slice(md.indexOf("## Attribution to ship"));
  const quote = section
    .split("\n")
    .filter((l) => l.startsWith("> "))
    .map((l) => l.slice(2).trim())
    .join(" ");
  const mit = section.split("```")[1].trim();
  return { quote, mit };
}

beforeAll(() => {
  initI18n("en");
});
afterEach(() => setLanguage("en", false));

describe("About page", () => {
  it("ships the attribution and MIT notice exactly as SOURCES.md asks", () => {
    const { quote, mit } = attributionSection();
    expect(DATA_ATTRIBUTION).toBe(quote);
    expect(MIT_NOTICE).toBe(mit);
  });

  it("says that everything below district level is synthetic, in both languages", () => {
    const en = renderToString(<About />);
    expect(en).toContain("Everything below district level");
    expect(en).toContain("Guneet Narula");
    setLanguage("hi", false);
    const hi = renderToString(<About />);
    expect(hi).toContain("ज़िला स्तर से नीचे सब कुछ");
    expect(hi).toContain("ज़िले जिनका वितरण निगम पुष्ट नहीं है");
  });
});
