import { describe, expect, it } from "vitest";
import { isQuiet, parseQuietHours } from "../../../server/notices/quiet-hours.js";
import { noticeCommandOf } from "../../../server/notices/opt-outs.js";

describe("quiet hours (IST)", () => {
  const night = parseQuietHours("22:00-07:00");

  it("spans midnight: 22:30 and 06:59 IST are quiet, 07:00 and 21:59 are not", () => {
    expect(isQuiet(new Date("2026-12-07T17:00:00Z"), night)).toBe(true); // 22:30 IST
    expect(isQuiet(new Date("2026-12-07T01:29:00Z"), night)).toBe(true); // 06:59 IST
    expect(isQuiet(new Date("2026-12-07T01:30:00Z"), night)).toBe(false); // 07:00 IST
    expect(isQuiet(new Date("2026-12-07T16:29:00Z"), night)).toBe(false); // 21:59 IST
  });

  it("reads a daytime window and 'off', and refuses nonsense", () => {
    const lunch = parseQuietHours("13:00-14:00");
    expect(isQuiet(new Date("2026-12-07T07:45:00Z"), lunch)).toBe(true); // 13:15 IST
    expect(isQuiet(new Date("2026-12-07T08:45:00Z"), lunch)).toBe(false); // 14:15 IST
    expect(parseQuietHours("off")).toBeNull();
    expect(() => parseQuietHours("10pm-7am")).toThrow(/22:00-07:00/);
    expect(() => parseQuietHours("07:00-07:00")).toThrow();
  });
});

describe("STOP and START", () => {
  it("knows the words alone in a message, in English and Hindi, and nothing else", () => {
    expect(noticeCommandOf("STOP")).toBe("stop");
    expect(noticeCommandOf(" stop. ")).toBe("stop");
    expect(noticeCommandOf("रोकें")).toBe("stop");
    expect(noticeCommandOf("Start")).toBe("start");
    expect(noticeCommandOf("stop the power cuts please")).toBeNull();
    expect(noticeCommandOf("बिजली बंद है")).toBeNull();
  });
});
