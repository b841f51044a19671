import type { UnitKind } from "./domain.js";

/** A node of the network hierarchy (network > state > discom > ... > feeder). */
export interface Unit {
  id: string;
  kind: UnitKind;
  parentId: string | null;
  name: string;
  nameHi: string;
  lat: number;
  lon: number;
  /** Ancestor ids from the root down to and including this unit. */
  path: string[];
  /** District id (geography) for units at or below the circle; null above. */
  districtId: string | null;
  /** Feeders only: urban (town) or rural supply. */
  urban?: boolean;
  /** Feeders only: in one of the five 'A-class' cities. */
  aClass?: boolean;
  /** True for units generated for the demo (no open data exists below the district). */
  synthetic: boolean;
  /** Circles only: the short code used as ticket-number prefix (e.g. "LKO"). */
  code?: string;
}

/** A district polygon's metadata (geometry is served separately as GeoJSON). */
export interface District {
  id: string;
  name: string;
  nameHi: string;
  state: "UP" | "BR";
  /** Main discom serving the district. */
  discom: string;
  /** How sure we are of the discom assignment: from a cited source, split between licensees, or inferred. */
  discomConfidence: "source" | "split" | "inferred";
  hq: { lat: number; lon: number; name: string };
}

/** Compact wire form of the network for the client map: one array per unit. */
export interface NetworkPayload {
  units: Unit[];
  districts: District[];
  /** Parameters the synthetic part was generated with (null for an imported network). */
  generated: { seed: number; feeders: number; consumers: number } | null;
  /** Consumers per district (for shading districts by open tickets per 10,000 consumers). */
  consumersByDistrict: Record<string, number>;
  /** Map tiles to draw under the district base (MAP_TILE_URL), or null: the labelled base alone. */
  tiles?: { url: string; attribution: string } | null;
}
