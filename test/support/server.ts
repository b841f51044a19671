import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Clock } from "../../server/clock/clock.js";
import { testConfig, type Config } from "../../server/config.js";
import { createApp, type NigraniApp } from "../../server/app.js";

export interface TestServer {
  url: string;
  app: NigraniApp;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real app on port 0 with a temporary data directory, a small generated network and the
 * simulator off (unless asked for). Pass `dataDir` to reopen an earlier server's data.
 */
export async function startTestServer(
  opts: { config?: Partial<Config>; dataDir?: string; clock?: Clock; keepData?: boolean } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-test-"));
  const config = testConfig({ DATA_DIR: dataDir, ...opts.config });
  const app = await createApp({ config, clock: opts.clock });
  const url = await app.listen();
  return {
    url,
    app,
    dataDir,
    async close() {
      await app.close();
      if (!opts.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs a report and returns status and body. */
export async function postReport(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> & { ticket?: { number: string; feederId: string | null } } }> {
  const res = await fetch(`${url}/api/v1/reports`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * fetch against a test server as staff would call it. Every new HTTP test goes through this (or
 * postReport), so that when sign-in lands only this helper learns to carry the session.
 */
export async function apiFetch(url: string, pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${url}${pathAndQuery}`, init);
}
