import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { startBalancer, type Upstream } from "../cluster/balancer.js";

/**
 * `npm run cluster`: two Nigrani nodes on this machine behind a small load balancer, sharing one
 * store (DATA_DIR's SQLite file, or DATABASE_URL) and joined by Redis (REDIS_URL, default the
 * local one). The first node seeds an empty store and runs the demo simulator; the second starts
 * once the first is up. Open http://localhost:3000 (PORT); `kill -9` either node's pid (printed)
 * to watch its screens move to the other. Ctrl-C stops everything.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.PORT ?? 3000);
const env = {
  ...process.env,
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  DATA_DIR: process.env.DATA_DIR ?? "./data-cluster",
  PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
  // The balancer is the only proxy in front of the nodes, on this machine.
  TRUST_PROXY: process.env.TRUST_PROXY ?? "loopback",
};
const nodes = [
  { name: "node-a", port: port + 1, simulator: process.env.SIMULATOR ?? "on" },
  { name: "node-b", port: port + 2, simulator: "off" },
];
const children: ChildProcess[] = [];

function startNode(node: (typeof nodes)[number]): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: {
      ...env,
      PORT: String(node.port),
      HOST: "127.0.0.1",
      NODE_ID: node.name,
      SIMULATOR: node.simulator,
    },
    stdio: "inherit",
  });
  child.on("exit", (code, signal) =>
    console.log(
      `[cluster] ${node.name} exited (${signal ?? code}); restart it with npm run cluster`,
    ),
  );
  children.push(child);
  return child;
}

async function healthy(p: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${p}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`node on port ${p} did not start`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function main(): Promise<void> {
  console.log(
    `[cluster] store ${process.env.DATABASE_URL ?? env.DATA_DIR}, Redis ${env.REDIS_URL}`,
  );
  const upstreams: Upstream[] = [];
  for (const node of nodes) {
    const child = startNode(node);
    // One at a time: the first seeds an empty store (network, officers, demo history).
    await healthy(node.port, 600_000);
    console.log(`[cluster] ${node.name} up on port ${node.port}, pid ${child.pid}`);
    upstreams.push({ name: node.name, host: "127.0.0.1", port: node.port, healthy: true });
  }
  const balancer = await startBalancer(upstreams, port, process.env.HOST ?? "127.0.0.1");
  console.log(
    `[cluster] load balancer on http://localhost:${port} -> ports ${port + 1}, ${port + 2}`,
  );
  const stop = () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    void balancer.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err);
  for (const c of children) c.kill("SIGTERM");
  process.exit(1);
});
