import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Clock } from "../../server/clock/clock.js";
import { testConfig, type Config } from "../../server/config.js";
import { createApp, type NigraniApp } from "../../server/app.js";
import { DEMO_INTAKE_KEY, sessionFor, sessionHeaders, type DemoUser } from "./auth.js";
import { createTestSchema, TEST_DATABASE } from "./database.js";

export interface TestServer {
  url: string;
  app: NigraniApp;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real app on port 0 with a temporary data directory, a small generated network and the
 * simulator off (unless asked for). Pass `dataDir` to reopen an earlier server's data. With
 * TEST_DATABASE=postgres the store is a PostgreSQL schema named after the data directory.
 */
export async function startTestServer(
  opts: { config?: Partial<Config>; dataDir?: string; clock?: Clock; keepData?: boolean } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-test-"));
  const schema = TEST_DATABASE === "postgres" ? await createTestSchema(dataDir) : null;
  const config = testConfig({
    DATA_DIR: dataDir,
    ...(schema ? { DATABASE_URL: schema.url } : {}),
    ...opts.config,
  });
  const app = await createApp({ config, clock: opts.clock }).catch(async (err: unknown) => {
    if (!opts.dataDir) await schema?.drop();
    throw err;
  });
  const url = await app.listen();
  return {
    url,
    app,
    dataDir,
    async close() {
      await app.close();
      if (opts.keepData) return;
      fs.rmSync(dataDir, { recursive: true, force: true });
      await schema?.drop();
    },
  };
}

/** POSTs a report with the demo intake key (as a CRM would) and returns status and body. */
export async function postReport(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: Record<string, unknown> & { ticket?: { number: string; feederId: string | null } };
}> {
  const res = await fetch(`${url}/api/v1/reports`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": DEMO_INTAKE_KEY, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * fetch against a test server as a signed-in user would call it (the demo admin unless `as`
 * says otherwise), with the session cookie and the CSRF token. Pass `as: null` for no session.
 */
export async function apiFetch(
  url: string,
  pathAndQuery: string,
  init: RequestInit & { as?: DemoUser | null } = {},
): Promise<Response> {
  const { as = "admin", ...rest } = init;
  const send = async (fresh: boolean) => {
    const headers = new Headers(rest.headers);
    if (as)
      for (const [k, v] of Object.entries(sessionHeaders(await sessionFor(url, as, fresh))))
        headers.set(k, v);
    return fetch(`${url}${pathAndQuery}`, { ...rest, headers });
  };
  const res = await send(false);
  // A server on a reused port, or one restarted without its data, has forgotten the session.
  if (res.status === 401 && as) return send(true);
  return res;
}

/** apiFetch with a JSON body; resolves with status and parsed body. */
export async function apiJson<T = Record<string, unknown>>(
  url: string,
  pathAndQuery: string,
  method: string,
  body?: unknown,
  as: DemoUser | null = "admin",
): Promise<{ status: number; body: T }> {
  const res = await apiFetch(url, pathAndQuery, {
    method,
    as,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
