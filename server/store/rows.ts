import { type Insertable, type Selectable } from "kysely";
import type { Unit } from "../../shared/network.js";
import type {
  ConsumerTable,
  ReportTable,
  TicketEventTable,
  TicketTable,
  UnitTable,
} from "./schema.js";

export type TicketRow = Selectable<TicketTable>;
export type ReportRow = Selectable<ReportTable>;
export type EventRow = Selectable<TicketEventTable>;
export type ConsumerRow = Selectable<ConsumerTable>;
export type NewEvent = {
  type: string;
  at: string;
  actor: string | null;
  data: Record<string, unknown>;
};

export function unitFromRow(r: Selectable<UnitTable>): Unit {
  const u: Unit = {
    id: r.id,
    kind: r.kind as Unit["kind"],
    parentId: r.parent_id,
    name: r.name,
    nameHi: r.name_hi,
    lat: r.lat,
    lon: r.lon,
    path: JSON.parse(r.path) as string[],
    districtId: r.district_id,
    synthetic: r.synthetic === 1,
  };
  if (r.kind === "feeder") {
    u.urban = r.urban === 1;
    u.aClass = r.a_class === 1;
  }
  if (r.code) u.code = r.code;
  return u;
}

export function unitToRow(u: Unit): Insertable<UnitTable> {
  return {
    id: u.id,
    kind: u.kind,
    parent_id: u.parentId,
    name: u.name,
    name_hi: u.nameHi,
    lat: u.lat,
    lon: u.lon,
    path: JSON.stringify(u.path),
    district_id: u.districtId,
    urban: u.urban ? 1 : 0,
    a_class: u.aClass ? 1 : 0,
    synthetic: u.synthetic ? 1 : 0,
    code: u.code ?? null,
  };
}

export function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let buf: T[] = [];
  for (const item of items) {
    buf.push(item);
    if (buf.length === size) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length) yield buf;
}
