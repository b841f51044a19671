import { describe, expect, it } from "vitest";
import { groupIncidents, INCIDENT_MARKER_PX } from "../../client/panels/map/incident-groups.js";

describe("outage markers on a crowded map", () => {
  it("shares one marker among outages that would overlap, on the largest of them", () => {
    const groups = groupIncidents([
      { item: "a", x: 100, y: 100, weight: 8 },
      { item: "b", x: 110, y: 95, weight: 20 },
      { item: "c", x: 110 + INCIDENT_MARKER_PX, y: 100, weight: 9 },
      { item: "d", x: 400, y: 300, weight: 8 },
    ]);
    expect(groups).toEqual([
      { lead: "b", items: ["b", "a"] },
      { lead: "c", items: ["c"] },
      { lead: "d", items: ["d"] },
    ]);
  });

  it("keeps every outage in exactly one marker", () => {
    const placed = Array.from({ length: 50 }, (_, i) => ({
      item: i,
      x: (i * 37) % 300,
      y: (i * 53) % 200,
      weight: i % 7,
    }));
    const groups = groupIncidents(placed);
    expect(groups.flatMap((g) => g.items).sort((a, b) => a - b)).toEqual(placed.map((p) => p.item));
    // No two markers drawn overlap.
    const leads = groups.map((g) => placed[g.lead]);
    for (let i = 0; i < leads.length; i++)
      for (let j = i + 1; j < leads.length; j++)
        expect(
          Math.abs(leads[i].x - leads[j].x) >= INCIDENT_MARKER_PX ||
            Math.abs(leads[i].y - leads[j].y) >= INCIDENT_MARKER_PX,
        ).toBe(true);
  });
});
