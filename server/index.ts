import pino from "pino";
import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { isStorageFault } from "./store/faults.js";

/** Entry point: read the environment, wire the app, listen, and shut down gracefully on signals. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = pino({ level: config.LOG_LEVEL });
  let app;
  try {
    app = await createApp({ config, log });
    await app.listen();
  } catch (err) {
    // What an operator can fix gets one clear line, not a stack trace.
    const line = startupProblem(err, config);
    if (!line) throw err;
    console.error(line);
    process.exit(2);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      log.warn("shutdown took too long; exiting");
      process.exit(1);
    }, 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

function startupProblem(
  err: unknown,
  config: { PORT: number; HOST: string; DATA_DIR: string; DATABASE_URL?: string },
): string | null {
  if (err instanceof ConfigError) return err.message;
  const code = (err as { code?: unknown }).code;
  if (config.DATABASE_URL && isStorageFault(err)) {
    const at = new URL(config.DATABASE_URL);
    return `PostgreSQL at ${at.host}${at.pathname} is not usable (${String(code ?? (err as Error).message)}): start it or fix DATABASE_URL`;
  }
  if (code === "EADDRINUSE")
    return `port ${config.PORT} on ${config.HOST} is in use: stop the other server or set PORT`;
  if (code === "EACCES" && (err as { syscall?: string }).syscall === "listen")
    return `port ${config.PORT} needs privileges this user does not have: set PORT above 1024`;
  if (
    typeof code === "string" &&
    (/^SQLITE_(CANTOPEN|READONLY|IOERR|FULL|NOTADB|CORRUPT)/.test(code) ||
      ["EACCES", "EROFS", "ENOTDIR", "ENOSPC", "EEXIST", "ENOENT"].includes(code))
  )
    return `DATA_DIR ${config.DATA_DIR} is not usable (${code}): it must be a writable directory`;
  return null;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
