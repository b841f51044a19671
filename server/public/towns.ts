import type { Unit } from "../../shared/network.js";
import type { Network } from "../network/loaded-network.js";
import { placeKey } from "../triage/place-text.js";

/**
 * Sub-divisions by the town they are named after ("Electricity Distribution Sub-division Rasra",
 * "विद्युत वितरण उपखंड रसड़ा" -> "rasra", "रसडा"): a consumer asked "who to call" most often
 * gives their town, which the triage place finder knows only as part of a district.
 */
export class Towns {
  private readonly byKey = new Map<string, Unit[]>();

  constructor(network: Network) {
    for (const u of network.units.values()) {
      if (u.kind !== "subdivision") continue;
      for (const name of [u.name, u.nameHi]) {
        const key = townKey(townOf(name));
        if (!key) continue;
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(u)) list.push(u);
        this.byKey.set(key, list);
      }
    }
  }

  /** The one sub-division the text names (within the district, when one is known), or null. */
  find(text: string, districtId: string | null): Unit | null {
    const found = (this.byKey.get(townKey(text)) ?? []).filter(
      (u) => !districtId || u.districtId === districtId,
    );
    return found.length === 1 ? found[0] : null;
  }
}

/** "Electricity (Urban) Distribution Sub-division X" / "विद्युत (नगरीय) वितरण उपखंड X" -> "X". */
function townOf(name: string): string {
  return name
    .replace(/^Electricity (Urban )?Distribution Sub-?division\s+/i, "")
    .replace(/^विद्युत (नगरीय )?वितरण उपखंड\s+/, "")
    .trim();
}

function townKey(text: string): string {
  return text
    .split(/[\s,.-]+/)
    .filter(Boolean)
    .map(placeKey)
    .join(" ");
}
