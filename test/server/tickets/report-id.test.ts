import { describe, expect, it } from "vitest";
import { newReportId, uuidV7 } from "../../../server/tickets/report-id.js";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("report ids", () => {
  it("are version 7 UUIDs that start with the time they were made", () => {
    const at = Date.parse("2026-12-07T20:40:00.000Z");
    const id = uuidV7(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
    expect(newReportId(at)).toMatch(/^rep_/);
  });

  it("sort by time across milliseconds and never repeat", () => {
    const t0 = Date.parse("2026-12-07T20:40:00.000Z");
    const ids = Array.from({ length: 20_000 }, (_, i) => uuidV7(t0 + Math.floor(i / 100)));
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 100; i < ids.length; i += 100) expect(ids[i - 1] < ids[i]).toBe(true);
    // The random part is random: ids made in one millisecond are not all alike after the time.
    const tails = new Set(ids.slice(0, 100).map((id) => id.slice(15)));
    expect(tails.size).toBe(100);
  });
});
