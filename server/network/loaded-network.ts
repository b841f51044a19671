import type { District, Unit } from "../../shared/network.js";
import { ROOT_UNIT_ID } from "../../shared/domain.js";
import { FeederIndex } from "./geo.js";

/**
 * The network as the running server holds it: every unit by id, children, a spatial index of
 * feeders and the district list. Built once from the store at start (and after an import).
 */
export class Network {
  readonly units = new Map<string, Unit>();
  readonly children = new Map<string, string[]>();
  readonly feeders: Unit[] = [];
  readonly districts = new Map<string, District>();
  readonly index: FeederIndex;

  constructor(units: Unit[], districts: District[]) {
    for (const d of districts) this.districts.set(d.id, d);
    for (const u of units) {
      this.units.set(u.id, u);
      if (u.kind === "feeder") this.feeders.push(u);
      if (u.parentId) {
        const list = this.children.get(u.parentId) ?? [];
        list.push(u.id);
        this.children.set(u.parentId, list);
      }
    }
    this.index = new FeederIndex(this.feeders);
  }

  get root(): Unit {
    const root = this.units.get(ROOT_UNIT_ID);
    if (!root) throw new Error("network has no root unit");
    return root;
  }

  unit(id: string): Unit | undefined {
    return this.units.get(id);
  }

  childrenOf(id: string): string[] {
    return this.children.get(id) ?? [];
  }

  /** The child of `unitId` that lies on `path`, or null when `unitId` is the last element (or absent). */
  childOnPath(unitId: string, path: string[]): string | null {
    const i = path.indexOf(unitId);
    return i >= 0 && i < path.length - 1 ? path[i + 1] : null;
  }

  /**
   * The control room of a district: the deepest unit above every feeder in it (usually its
   * circle). A report that names a district but no feeder waits there instead of at the root.
   */
  districtUnit(districtId: string): Unit | undefined {
    this.districtUnits ??= this.commonAncestorsByDistrict();
    const id = this.districtUnits.get(districtId);
    return id ? this.units.get(id) : undefined;
  }

  private districtUnits: Map<string, string> | undefined;

  private commonAncestorsByDistrict(): Map<string, string> {
    const prefixes = new Map<string, string[]>();
    for (const f of this.feeders) {
      if (!f.districtId) continue;
      const prefix = prefixes.get(f.districtId);
      if (!prefix) {
        prefixes.set(f.districtId, f.path.slice(0, -1));
        continue;
      }
      let n = 0;
      while (n < prefix.length && prefix[n] === f.path[n]) n++;
      prefix.length = n;
    }
    const out = new Map<string, string>();
    for (const [districtId, prefix] of prefixes) {
      // A control room sits no lower than a circle, even where a district has one substation.
      const circleAt = prefix.findIndex((id) => this.units.get(id)?.kind === "circle");
      const last = circleAt >= 0 ? prefix[circleAt] : prefix.at(-1);
      if (last) out.set(districtId, last);
    }
    return out;
  }

  /** The circle above a unit (its code prefixes ticket numbers). */
  circleOf(unit: Unit): Unit | undefined {
    for (const id of unit.path) {
      const u = this.units.get(id);
      if (u?.kind === "circle") return u;
    }
    return undefined;
  }
}
