import { describe, expect, it } from "vitest";
import { fitLabels, type PlaceLabel } from "../../client/panels/map/place-labels.js";

const label = (id: string, lon: number, rank: number): PlaceLabel => ({
  id,
  text: id,
  lat: 0,
  lon,
  rank,
});
const view = { width: 1000, height: 600 };
const measure = (t: string) => t.length * 10;

describe("place labels", () => {
  const labels = [label("Lucknow", 0, 0), label("Barabanki", 1, 1), label("Unnao", 2, 2)];

  it("keeps the more important of two labels that would overlap", () => {
    // 40 px apart: every label collides with its neighbour.
    const placed = fitLabels(labels, (l) => ({ x: 100 + l.lon * 40, y: 300 }), measure, view);
    expect(placed.map((p) => p.id)).toEqual(["Lucknow", "Unnao"]);
  });

  it("shows them all once zooming in spreads them apart", () => {
    const placed = fitLabels(labels, (l) => ({ x: 100 + l.lon * 200, y: 300 }), measure, view);
    expect(placed.map((p) => p.id)).toEqual(["Lucknow", "Barabanki", "Unnao"]);
  });

  it("leaves out labels outside the view", () => {
    const placed = fitLabels(labels, (l) => ({ x: -500 + l.lon * 500, y: 300 }), measure, view);
    expect(placed.map((p) => p.id)).toEqual(["Barabanki", "Unnao"]);
  });
});
