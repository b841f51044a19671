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
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      "/api": "http://localhost:3000",
      "/socket.io": { target: "http://localhost:3000", ws: true },
      "/healthz": "http://localhost:3000",
    },
  },
  test: {
    root: repo,
    pool: "forks",
    globalSetup: ["test/support/global-setup.ts"],
    // Server and component tests run two files at a time; the browser tests one at a time, since
    // each drives a real server and a real Chromium on a two-core machine.
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["test/server/**/*.test.{ts,tsx}", "test/client/**/*.test.{ts,tsx}"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
      {
        // The store, ticket-lifecycle, replay and inbox-claim suites again on PostgreSQL (TEST_DATABASE, see
        // test/support/database.ts): the same code must behave the same on both dialects.
        extends: true,
        test: {
          name: "postgres",
          sequence: { groupOrder: 2 },
          include: [
            "test/server/store/**/*.test.ts",
            "test/server/tickets/**/*.test.ts",
            "test/server/live/live.test.ts",
            "test/server/inbox/claims.test.ts",
            "test/server/notices/outage-notices.test.ts",
          ],
          // Always on PostgreSQL whatever the project, so already run by "unit".
          exclude: ["test/server/store/postgres*.test.ts"],
          env: { TEST_DATABASE: "postgres" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          sequence: { groupOrder: 1 },
          include: ["test/browser/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
