import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Builds the client once before the browser tests when dist/client is missing or older than client/. */
export default function setup(): void {
  // Server-only runs while the client is being edited: SKIP_CLIENT_BUILD=1 npx vitest run test/server
  if (process.env.SKIP_CLIENT_BUILD) return;
  const root = path.resolve(import.meta.dirname, "../..");
  const index = path.join(root, "dist/client/index.html");
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  const clientDir = path.join(root, "client");
  if (!fs.existsSync(clientDir)) return;
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(newest(clientDir), newest(path.join(root, "shared")));
  if (built > sources && !isDevelopmentBuild(root)) return;
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: "inherit",
      // vitest sets NODE_ENV=test, which would make Vite bundle React's development build (slower
      // by several times, with dev-only warnings): the browser tests look at what users get.
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
}

/**
 * True when dist/client holds React's development build (JSX compiled to `jsxDEV`): what an
 * earlier build under NODE_ENV=test left. The browser tests and the benchmarks measure what users
 * get, so such a build is replaced.
 */
export function isDevelopmentBuild(root: string): boolean {
  const assets = path.join(root, "dist/client/assets");
  if (!fs.existsSync(assets)) return false;
  return fs
    .readdirSync(assets)
    .filter((name) => name.endsWith(".js"))
    .some((name) => fs.readFileSync(path.join(assets, name), "utf8").includes("jsxDEV"));
}
