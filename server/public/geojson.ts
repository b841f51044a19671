import type { OutagesGeoJson, PublicOutages } from "../../shared/public.js";

/**
 * The outages as a GeoJSON FeatureCollection (RFC 7946) for other maps: one Point per feeder of
 * each outage, at the feeder's point, with the outage's public facts as properties.
 */
export function outagesAsGeoJson(doc: PublicOutages): OutagesGeoJson {
  return {
    type: "FeatureCollection",
    features: doc.outages.flatMap((o) =>
      o.feeders.map((f) => ({
        type: "Feature" as const,
        id: `${o.id}/${f.id}`,
        geometry: { type: "Point" as const, coordinates: [f.lon, f.lat] as [number, number] },
        properties: {
          outageId: o.id,
          kind: o.kind,
          feederId: f.id,
          feeder: f.name.en,
          feederHi: f.name.hi,
          substation: o.substation?.name.en ?? null,
          district: o.district?.name.en ?? null,
          districtHi: o.district?.name.hi ?? null,
          since: o.since,
          expectedRestorationAt: o.expectedRestorationAt,
          outageConsumersAffected: o.consumersAffected,
        },
      })),
    ),
  };
}
