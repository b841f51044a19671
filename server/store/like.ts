import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import type { Dialect } from "./migrations.js";

/**
 * "Contains this text", the same on both dialects. SQLite's LIKE has no escape character unless
 * one is named and ignores ASCII case; PostgreSQL's LIKE escapes with a backslash by default and
 * minds case. So: the escape character is named explicitly, and PostgreSQL uses ILIKE.
 */
export function containsText(
  dialect: Dialect,
  column: Expression<string | null>,
  text: string,
): RawBuilder<SqlBool> {
  const pattern = `%${escapeLike(text)}%`;
  return dialect === "postgres"
    ? sql<SqlBool>`${column} ilike ${pattern} escape '\\'`
    : sql<SqlBool>`${column} like ${pattern} escape '\\'`;
}

/** Makes %, _ and the escape character itself match literally inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (m) => "\\" + m);
}
