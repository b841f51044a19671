import { ROOT_UNIT_ID, UNIT_KINDS } from "../../../shared/domain.js";
import type { Language } from "../../i18n/index.js";
import { placeName } from "../../i18n/format.js";
import type { NetworkIndex } from "../../live/network.js";
import { shortUnitName } from "../../stats/format.js";
import type { PlaceLabel } from "./place-labels.js";

/** Kinds above the district's scale: their maps are labelled with district names. */
const WIDE = new Set(["network", "state", "discom", "zone"]);

/**
 * The names a map shows. Over a wide area: each district's name at its headquarters town, the
 * big towns first. Inside a circle or below: the unit's own units by name, bigger kinds first
 * (divisions, then sub-divisions, substations and feeders as the zoom makes room), then the
 * district names around them.
 */
export function placeLabelsFor(
  network: NetworkIndex,
  focusUnitId: string | undefined,
  lng: Language,
): PlaceLabel[] {
  const consumers = network.consumersByDistrict;
  // The big towns first: a district that seats several circles (Lucknow, Patna, Kanpur) is the
  // one a reader looks for; then by consumers.
  const circles = new Map<string, number>();
  for (const u of network.units.values())
    if (u.kind === "circle" && u.districtId)
      circles.set(u.districtId, (circles.get(u.districtId) ?? 0) + 1);
  const districts: PlaceLabel[] = network.districtList.map((d) => ({
    id: `district:${d.id}`,
    text: placeName(d, lng),
    lat: d.hq.lat,
    lon: d.hq.lon,
    rank:
      1000 -
      200 * (circles.get(d.id) ?? 0) -
      Math.min(150, Math.log10(1 + (consumers[d.id] ?? 0)) * 20),
  }));
  const focus = focusUnitId ? network.units.get(focusUnitId) : undefined;
  if (!focus || focus.id === ROOT_UNIT_ID || WIDE.has(focus.kind)) return districts;
  const depth = UNIT_KINDS.indexOf(focus.kind);
  const own: PlaceLabel[] = [];
  for (const u of network.units.values()) {
    if (u.id === focus.id || !u.path.includes(focus.id)) continue;
    own.push({
      id: u.id,
      // "Electricity Distribution Division Chinhat" reads as "Chinhat" on a map.
      text: shortUnitName(placeName(u, lng)).replace(/^11 kV Feeder /, ""),
      lat: u.lat,
      lon: u.lon,
      rank: (UNIT_KINDS.indexOf(u.kind) - depth) * 10,
    });
  }
  return [...own, ...districts.map((d) => ({ ...d, rank: d.rank + 10_000 }))];
}
