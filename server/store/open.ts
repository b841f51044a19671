import type { Logger } from "pino";
import type { Config } from "../config.js";
import { openPostgresStore } from "./postgres.js";
import { openSqliteStore } from "./sqlite.js";
import type { Store } from "./store.js";

/** The part of the configuration that says where the store is. */
export type StoreConfig = Pick<
  Config,
  "DATABASE_URL" | "DATABASE_POOL_SIZE" | "DATABASE_STATEMENT_TIMEOUT_MS" | "DATA_DIR"
>;

/** The store the configuration names: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export function openStore(config: StoreConfig, log?: Logger): Promise<Store> {
  if (!config.DATABASE_URL) return openSqliteStore(config.DATA_DIR);
  return openPostgresStore({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    log,
  });
}

/** Where the store is, for messages: DATA_DIR, or the PostgreSQL host and database (no password). */
export function storeName(config: StoreConfig): string {
  if (!config.DATABASE_URL) return config.DATA_DIR;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}
