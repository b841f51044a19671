import type { ColumnDefinitionBuilder } from "kysely";
import type { Dialect } from "./migrations.js";

/**
 * An increasing integer key, for `.addColumn("id", serialType, serial)`: SQLite's AUTOINCREMENT
 * never reuses a value; PostgreSQL uses a sequence. One definition for every module's migrations.
 */
export function serialKey(dialect: Dialect) {
  return {
    serialType: dialect === "postgres" ? ("bigserial" as const) : ("integer" as const),
    serial: (c: ColumnDefinitionBuilder) =>
      dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
  };
}
