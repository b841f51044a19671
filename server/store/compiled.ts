import { CompiledQuery, type Compilable, type Kysely } from "kysely";

/**
 * Kysely builds and compiles every query afresh: for the 40-column ticket insert that cost more
 * than SQLite's own work, on every report. The hot path's queries have a few fixed shapes, so each
 * shape's SQL is compiled once, by Kysely for the dialect in use, and reused with new parameters.
 *
 * Per dialect (a process may hold a SQLite and a PostgreSQL store): SQL text keyed by shape, or
 * null for a shape whose compiled parameters turned out not to be the caller's (then it is always
 * compiled afresh, never run with parameters in the wrong places).
 */
const byDialect = new WeakMap<object, Map<string, string | null>>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database: only the executor is used
type AnyKysely = Kysely<any>;

function shapesOf(db: AnyKysely): Map<string, string | null> {
  const adapter = db.getExecutor().adapter.constructor;
  let shapes = byDialect.get(adapter);
  if (!shapes) byDialect.set(adapter, (shapes = new Map()));
  return shapes;
}

/**
 * Per adapter (one per Kysely root): a synchronous runner on the root's single connection, where
 * the dialect has one (SQLite). Used only inside a transaction: the transaction holds that
 * connection until it ends, so a statement run on it directly is exactly the statement Kysely
 * would run, less the half-dozen promise hops of its connection provider and mutex. (Outside a
 * transaction a direct statement could land inside another caller's open transaction.)
 */
export type DirectRunner = (sql: string, params: readonly unknown[]) => unknown[];
const directByAdapter = new WeakMap<object, DirectRunner>();

/** Registers the synchronous runner for a dialect's adapter (see openSqliteStore). */
export function registerDirectRunner(adapter: object, run: DirectRunner): void {
  directByAdapter.set(adapter, run);
}

/** The direct runner for `db` when it is a transaction on a dialect that has one. */
export function directRunner(db: AnyKysely): DirectRunner | undefined {
  return db.isTransaction ? directByAdapter.get(db.getExecutor().adapter) : undefined;
}

function sameParams(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Runs the query `build` makes, whose parameters (in order) are `params`; `shape` names every
 * query of the same SQL text (e.g. the table and the column list). Returns its rows.
 */
export async function runShaped<R>(
  db: AnyKysely,
  shape: string,
  params: readonly unknown[],
  build: () => Compilable<R>,
): Promise<R[]> {
  const shapes = shapesOf(db);
  const sql = shapes.get(shape);
  if (sql) {
    const direct = directRunner(db);
    if (direct) return direct(sql, params) as R[];
    return (await db.executeQuery<R>(CompiledQuery.raw(sql, [...params]))).rows;
  }
  const compiled = build().compile();
  if (sql === undefined)
    shapes.set(shape, sameParams(compiled.parameters, params) ? compiled.sql : null);
  return (await db.executeQuery<R>(compiled)).rows;
}

/** Runs a statement with no parameters and no rows (savepoints), directly where it can. */
export async function runStatement(db: AnyKysely, sql: string): Promise<void> {
  const direct = directRunner(db);
  if (direct) direct(sql, []);
  else await db.executeQuery(CompiledQuery.raw(sql));
}

/** The values of a row to insert, in the order Kysely binds them (undefined columns are left out). */
export function rowShape(row: object): { columns: string; params: unknown[] } {
  const columns: string[] = [];
  const params: unknown[] = [];
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined) continue;
    columns.push(k);
    params.push(v);
  }
  return { columns: columns.join(","), params };
}
