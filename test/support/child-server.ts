import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * The real server (server/index.ts) in its own process, so a test can kill -9 it mid-work and
 * start it again on the same data directory.
 */
export interface ChildServer {
  url: string;
  proc: ChildProcess;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function startChildServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const proc = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      SIMULATOR: "off",
      LOG_LEVEL: "warn",
      NETWORK_FEEDERS: "300",
      NETWORK_CONSUMERS: "5000",
      CLIENT_DIR: path.join(dataDir, "no-client"),
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error("server did not start in 120 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    proc,
    async kill9() {
      proc.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (proc.exitCode === null) proc.kill("SIGTERM");
      await exited;
    },
  };
}
