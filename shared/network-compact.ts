import { z } from "zod";
import { UNIT_KINDS } from "./domain.js";
import type { District, NetworkPayload, Unit } from "./network.js";

/**
 * The network as the client map downloads it: one array per field (columnar), kinds as small
 * ints, parents as indexes and ids relative to their parent's, points rounded to 5 decimals (about
 * a metre). Paths are not sent: the client rebuilds them from the parent links. At 3,000 feeders
 * this is a fraction of the plain `NetworkPayload`, and it parses into a handful of arrays instead
 * of thousands of objects, so decoding can be spread over several short tasks.
 */
export const NETWORK_COMPACT_FORMAT = 1;

/** Flag bits of `flags[i]`: which optional fields a unit has and their values. */
const URBAN_SET = 1;
const URBAN = 2;
const A_CLASS_SET = 4;
const A_CLASS = 8;
const SYNTHETIC = 16;

/**
 * An id stored relative to its parent: "+D1" under "LKO1" stands for "LKO1-D1". An absolute id
 * that itself begins with "+" or "=" is stored behind "=", so every id round-trips.
 */
const RELATIVE = "+";
const LITERAL = "=";

const districtSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameHi: z.string(),
  state: z.enum(["UP", "BR"]),
  discom: z.string(),
  discomConfidence: z.enum(["source", "split", "inferred"]),
  hq: z.object({ lat: z.number(), lon: z.number(), name: z.string() }),
});

export const compactNetworkSchema = z
  .object({
    format: z.literal(NETWORK_COMPACT_FORMAT),
    ids: z.array(z.string()),
    /** Index into UNIT_KINDS. */
    kinds: z.array(
      z
        .number()
        .int()
        .min(0)
        .max(UNIT_KINDS.length - 1),
    ),
    /** Index of the parent unit in these arrays, -1 for a root. */
    parents: z.array(z.number().int().min(-1)),
    names: z.array(z.string()),
    namesHi: z.array(z.string()),
    lats: z.array(z.number()),
    lons: z.array(z.number()),
    /** Index into `districtIds`, -1 for none. */
    districtIdx: z.array(z.number().int().min(-1)),
    /** The district ids units name, each once. */
    districtIds: z.array(z.string()),
    flags: z.array(z.number().int().min(0)),
    /** Circles' ticket-number prefixes: [unit index, code]. */
    codes: z.array(z.tuple([z.number().int().min(0), z.string()])),
    districts: z.array(districtSchema),
    generated: z
      .object({ seed: z.number(), feeders: z.number(), consumers: z.number() })
      .nullable(),
    consumersByDistrict: z.record(z.string(), z.number()),
    tiles: z.object({ url: z.string(), attribution: z.string() }).nullable(),
  })
  .refine(
    (c) =>
      [c.kinds, c.parents, c.names, c.namesHi, c.lats, c.lons, c.districtIdx, c.flags].every(
        (column) => column.length === c.ids.length,
      ),
    { message: "every unit column has one entry per id" },
  );
export type CompactNetwork = z.infer<typeof compactNetworkSchema>;

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** Encodes the network once on the server (the answer is cached per network version). */
export function encodeNetwork(payload: NetworkPayload): CompactNetwork {
  const { units, districts } = payload;
  const index = new Map(units.map((u, i) => [u.id, i]));
  const districtIndex = new Map<string, number>();
  const kindIndex = new Map<string, number>(UNIT_KINDS.map((k, i) => [k, i]));
  const out: CompactNetwork = {
    format: NETWORK_COMPACT_FORMAT,
    ids: [],
    kinds: [],
    parents: [],
    names: [],
    namesHi: [],
    lats: [],
    lons: [],
    districtIdx: [],
    districtIds: [],
    flags: [],
    codes: [],
    districts,
    generated: payload.generated,
    consumersByDistrict: payload.consumersByDistrict,
    tiles: payload.tiles ?? null,
  };
  const districtSlot = (id: string): number => {
    let slot = districtIndex.get(id);
    if (slot === undefined) {
      slot = out.districtIds.push(id) - 1;
      districtIndex.set(id, slot);
    }
    return slot;
  };
  units.forEach((u, i) => {
    const parent = u.parentId === null ? -1 : (index.get(u.parentId) ?? -1);
    if (u.parentId !== null && parent < 0) throw new Error(`unit ${u.id}: unknown parent`);
    const prefix = `${u.parentId}-`;
    out.ids.push(
      parent >= 0 && u.id.startsWith(prefix) && u.id.length > prefix.length
        ? RELATIVE + u.id.slice(prefix.length)
        : u.id.startsWith(RELATIVE) || u.id.startsWith(LITERAL)
          ? LITERAL + u.id
          : u.id,
    );
    out.kinds.push(kindIndex.get(u.kind) ?? 0);
    out.parents.push(parent);
    out.names.push(u.name);
    out.namesHi.push(u.nameHi);
    out.lats.push(round5(u.lat));
    out.lons.push(round5(u.lon));
    out.districtIdx.push(u.districtId === null ? -1 : districtSlot(u.districtId));
    out.flags.push(
      (u.urban === undefined ? 0 : URBAN_SET | (u.urban ? URBAN : 0)) |
        (u.aClass === undefined ? 0 : A_CLASS_SET | (u.aClass ? A_CLASS : 0)) |
        (u.synthetic ? SYNTHETIC : 0),
    );
    if (u.code !== undefined) out.codes.push([i, u.code]);
  });
  return out;
}

/** Hands the main thread back between chunks (a browser paints and answers input meanwhile). */
export type Yielder = () => Promise<void>;

/**
 * Rebuilds the same `NetworkPayload` the plain document carries, `chunk` units per task, awaiting
 * `yieldNow` between chunks so no single task holds the main thread for long. Units must name a
 * parent that comes earlier or later in the arrays; paths are resolved through the parent links.
 */
export async function decodeNetwork(
  c: CompactNetwork,
  opts: { chunk?: number; yieldNow?: Yielder } = {},
): Promise<NetworkPayload> {
  const chunk = opts.chunk ?? 2000;
  const n = c.ids.length;
  const ids = new Array<string>(n);
  const idOf = (i: number, seen = 0): string => {
    if (ids[i] !== undefined) return ids[i];
    if (seen > n) throw new Error("the network's parent links form a cycle");
    const stored = c.ids[i];
    const id = stored.startsWith(RELATIVE)
      ? `${idOf(c.parents[i], seen + 1)}-${stored.slice(1)}`
      : stored.startsWith(LITERAL)
        ? stored.slice(1)
        : stored;
    ids[i] = id;
    return id;
  };
  const paths = new Array<string[]>(n);
  const pathOf = (i: number, seen = 0): string[] => {
    if (paths[i] !== undefined) return paths[i];
    if (seen > n) throw new Error("the network's parent links form a cycle");
    const parent = c.parents[i];
    const path = parent < 0 ? [idOf(i)] : [...pathOf(parent, seen + 1), idOf(i)];
    paths[i] = path;
    return path;
  };
  const codes = new Map(c.codes);
  const units = new Array<Unit>(n);
  for (let start = 0; start < n; start += chunk) {
    if (start > 0 && opts.yieldNow) await opts.yieldNow();
    for (let i = start; i < Math.min(n, start + chunk); i++) {
      const parent = c.parents[i];
      const flags = c.flags[i];
      const district = c.districtIdx[i];
      const unit: Unit = {
        id: idOf(i),
        kind: UNIT_KINDS[c.kinds[i]],
        parentId: parent < 0 ? null : idOf(parent),
        name: c.names[i],
        nameHi: c.namesHi[i],
        lat: c.lats[i],
        lon: c.lons[i],
        path: pathOf(i),
        districtId: district < 0 ? null : c.districtIds[district],
        synthetic: (flags & SYNTHETIC) !== 0,
      };
      if (flags & URBAN_SET) unit.urban = (flags & URBAN) !== 0;
      if (flags & A_CLASS_SET) unit.aClass = (flags & A_CLASS) !== 0;
      const code = codes.get(i);
      if (code !== undefined) unit.code = code;
      units[i] = unit;
    }
  }
  const districts: District[] = c.districts;
  return {
    units,
    districts,
    generated: c.generated,
    consumersByDistrict: c.consumersByDistrict,
    tiles: c.tiles,
  };
}
