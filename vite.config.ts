/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const repo = fileURLToPath(new URL(".", import.meta.url));

// The SPA lives in client/ and builds to dist/client, which the server serves. Vitest reads the
// `test` block; its root is the repository so tests mirror the source under test/.
export default defineConfig({
  root: "client",
  plugins: [react()],
  build: { outDir: "../dist/client", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 700 },
  server: {
    proxy: {
      "/api": "http://localhost:3000",
      "/socket.io": { target: "http://localhost:3000", ws: true },
      "/healthz": "http://localhost:3000",
    },
  },
  test: {
    root: repo,
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: ["test/bench/**", "node_modules/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    globalSetup: ["test/support/global-setup.ts"],
  },
});
