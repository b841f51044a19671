import { describe, expect, it } from "vitest";
import type { NetworkPayload, Unit } from "../../shared/network.js";
import {
  compactNetworkSchema,
  decodeNetwork,
  encodeNetwork,
} from "../../shared/network-compact.js";
import { indexNetwork } from "../../client/live/network.js";
import { loadDistricts } from "../../server/network/districts.js";
import { generateNetwork } from "../../server/network/generate.js";

/** The client's map gets its network as the compact document; it must see the same Units. */
const units = generateNetwork({ seed: 7, feeders: 3000 });
const payload: NetworkPayload = {
  units,
  districts: loadDistricts(),
  generated: { seed: 7, feeders: 3000, consumers: 60_000 },
  consumersByDistrict: { lucknow: 1234 },
  tiles: null,
};
/** The compact form keeps points to 5 decimals (about a metre). */
const round5 = (u: Unit): Unit => ({
  ...u,
  lat: Math.round(u.lat * 1e5) / 1e5,
  lon: Math.round(u.lon * 1e5) / 1e5,
});

describe("the compact network document", () => {
  it("decodes a generated network into the very Units it was encoded from", async () => {
    const wire = JSON.parse(JSON.stringify(encodeNetwork(payload))) as unknown;
    const decoded = await decodeNetwork(compactNetworkSchema.parse(wire));
    expect(decoded.units).toStrictEqual(units.map(round5));
    expect(decoded.districts).toStrictEqual(payload.districts);
    expect(decoded.generated).toStrictEqual(payload.generated);
    expect(decoded.consumersByDistrict).toStrictEqual(payload.consumersByDistrict);
    const index = indexNetwork(decoded);
    expect(index.feeders.length).toBe(3000);
    expect(index.units.get(units.at(-1)!.id)?.path).toStrictEqual(units.at(-1)!.path);
  });

  it("is much smaller than the plain document", () => {
    const plain = JSON.stringify(payload).length;
    const compact = JSON.stringify(encodeNetwork(payload)).length;
    expect(compact).toBeLessThan(plain / 2);
  });

  it("yields between chunks, and resolves ids and paths whatever the units' order", async () => {
    // Children first, and ids that look like the encoding's own markers.
    const odd: Unit[] = [
      { ...units[2], id: "+leaf", parentId: "=mid", path: ["root", "=mid", "+leaf"] },
      { ...units[1], id: "=mid", parentId: "root", path: ["root", "=mid"] },
      { ...units[0], id: "root", parentId: null, path: ["root"] },
      { ...units[3], id: "root-x", parentId: "root", path: ["root", "root-x"], code: "RX" },
    ].map(round5);
    let yields = 0;
    const decoded = await decodeNetwork(encodeNetwork({ ...payload, units: odd }), {
      chunk: 1,
      yieldNow: async () => void yields++,
    });
    expect(decoded.units).toStrictEqual(odd);
    expect(yields).toBe(3);
  });

  it("refuses a document whose columns disagree in length", () => {
    const doc = encodeNetwork(payload);
    expect(compactNetworkSchema.safeParse({ ...doc, names: doc.names.slice(1) }).success).toBe(
      false,
    );
  });
});
