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

  /** The circle above a unit (its code prefixes ticket numbers). */
  circleOf(unit: Unit): Unit | undefined {
    for (const id of unit.path) {
      const u = this.units.get(id);
      if (u?.kind === "circle") return u;
    }
    return undefined;
  }
}
