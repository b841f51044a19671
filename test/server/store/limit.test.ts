import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import { describe, expect, it } from "vitest";
import { fixedLimit } from "../../../server/store/limit.js";

const db = new Kysely<{ tickets: { id: number } }>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

describe("fixedLimit", () => {
  it("writes the limit into the SQL instead of binding it", () => {
    const q = db.selectFrom("tickets").select("id").orderBy("id", "desc").limit(fixedLimit(1));
    const compiled = q.compile();
    expect(compiled.sql).toMatch(/ limit 1$/);
    expect(compiled.parameters).toEqual([]);
  });

  it("refuses anything but a whole non-negative number", () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])
      expect(() => fixedLimit(bad)).toThrow(RangeError);
    expect(() => fixedLimit(0)).not.toThrow();
  });
});
