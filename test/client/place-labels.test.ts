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
    // 12 px apart: each anchor's dot lies under its neighbour's name wherever that name goes.
    const placed = fitLabels(labels, (l) => ({ x: 100 + l.lon * 12, y: 300 }), measure, view);
    expect(placed.map((p) => p.id)).toEqual(["Lucknow"]);
  });

  it("moves a name to another side of its dot when a more important name takes the room above", () => {
    // 50 px apart on a line: above, Barabanki's name would cover Lucknow's; below, Lucknow's dot.
    // To the right of its own dot there is room.
    const placed = fitLabels(labels, (l) => ({ x: 100 + l.lon * 50, y: 300 }), measure, view);
    const barabanki = placed.find((p) => p.id === "Barabanki");
    expect(placed.find((p) => p.id === "Lucknow")?.dy).toBeLessThan(0);
    expect(barabanki?.dx).toBeGreaterThan(0);
  });

  it("keeps a feeder's name beside its own outage marker, clear of the marker", () => {
    // A 28 px marker centred on Lucknow's anchor (100, 300): every near place is under it.
    const marker = { x: 86, y: 286, w: 28, h: 28 };
    const [placed] = fitLabels([labels[0]], () => ({ x: 100, y: 300 }), measure, view, {
      obstacles: [marker],
    });
    const text = { x: 100 + placed.dx, y: 300 + placed.dy, w: 70, h: 16 };
    const clear =
      text.x >= marker.x + marker.w ||
      text.x + text.w <= marker.x ||
      text.y >= marker.y + marker.h ||
      text.y + text.h <= marker.y;
    expect(clear).toBe(true);
  });

  it("shows them all once zooming in spreads them apart", () => {
    const placed = fitLabels(labels, (l) => ({ x: 100 + l.lon * 200, y: 300 }), measure, view);
    expect(placed.map((p) => p.id)).toEqual(["Lucknow", "Barabanki", "Unnao"]);
  });

  it("never covers a feeder group's number: the name moves, or gives way when boxed in", () => {
    // Barabanki's label would sit at x 280-380, y 280-300; a number's box sits right there.
    const above = { x: 320, y: 285, w: 24, h: 13 };
    const moved = fitLabels(labels, (l) => ({ x: 100 + l.lon * 200, y: 300 }), measure, view, {
      obstacles: [above],
    });
    expect(moved.map((p) => p.id)).toEqual(["Lucknow", "Barabanki", "Unnao"]);
    expect(moved[1].dy).toBeGreaterThan(0);
    // Numbers all around Barabanki's dot: no place is left for its name.
    const around = { x: 200, y: 250, w: 200, h: 100 };
    const boxed = fitLabels(labels, (l) => ({ x: 100 + l.lon * 200, y: 300 }), measure, view, {
      obstacles: [around],
    });
    expect(boxed.map((p) => p.id)).toEqual(["Lucknow", "Unnao"]);
  });

  it("keeps a name inside the frame: at the right edge it goes to the left of its dot", () => {
    // Lucknow's dot 10 px from the right edge, with a marker over it: above, below and right of
    // it the name would be cut by the frame or cover the marker.
    const marker = { x: 976, y: 286, w: 28, h: 28 };
    const [placed] = fitLabels([labels[0]], () => ({ x: 990, y: 300 }), measure, view, {
      obstacles: [marker],
    });
    expect(990 + placed.dx).toBeGreaterThanOrEqual(0);
    expect(990 + placed.dx + 70).toBeLessThanOrEqual(marker.x);
  });

  it("leaves out labels outside the view", () => {
    const placed = fitLabels(labels, (l) => ({ x: -500 + l.lon * 500, y: 300 }), measure, view);
    expect(placed.map((p) => p.id)).toEqual(["Barabanki", "Unnao"]);
  });
});
