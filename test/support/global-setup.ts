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
  if (built > sources) return;
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
}
