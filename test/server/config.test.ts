import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createApp } from "../../server/app.js";
import {
  ConfigError,
  loadConfig,
  mapTiles,
  mapTileSource,
  testConfig,
} from "../../server/config.js";
import { startTestServer } from "../support/server.js";

const SECRETS = {
  OTP_SECRET: "otp-secret-of-32-characters-0001",
  WHATSAPP_APP_SECRET: "whatsapp-app-secret-00000000001",
  WHATSAPP_VERIFY_TOKEN: "whatsapp-verify-token-000000001",
  WHATSAPP_TOKEN: "EAAG-real-looking-token-000000001",
  X_CONSUMER_SECRET: "x-consumer-secret-0000000000001",
  PUBLIC_URL: "https://nigrani.example.gov.in",
};

describe("production mode", () => {
  it("refuses to start with demo, missing or short secrets, and names each", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
    try {
      loadConfig({
        NODE_ENV: "production",
        ...SECRETS,
        OTP_SECRET: "short",
        DEMO_PASSWORD: "demo",
      });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain("OTP_SECRET: must be at least 16 characters");
      expect(message).toContain("DEMO_PASSWORD");
      expect(message).not.toContain("WHATSAPP_APP_SECRET");
      return;
    }
    throw new Error("production config with a short secret was accepted");
  });

  it("starts with real secrets, and then seeds no demo users", async () => {
    const config = loadConfig({ NODE_ENV: "production", ...SECRETS });
    const app = await createApp({
      config: {
        ...config,
        DATA_DIR: ":memory:",
        LOG_LEVEL: "silent",
        SIMULATOR: false,
        NETWORK_FEEDERS: 300,
        NETWORK_CONSUMERS: 1000,
      },
    });
    expect(await app.access.users.list()).toEqual([]);
    expect(app.access.demo.demo).toBe(false);
    await app.close();
  });

  it("refuses to start on a store that still has demo users", async () => {
    const demo = await startTestServer({ keepData: true });
    await demo.close();
    const config = {
      ...loadConfig({ NODE_ENV: "production", ...SECRETS }),
      ...testConfig({ DATA_DIR: demo.dataDir }),
      NODE_ENV: "production" as const,
    };
    await expect(createApp({ config })).rejects.toThrow(/demo users exist \(admin, /);
    fs.rmSync(demo.dataDir, { recursive: true, force: true });
  });
});

/** Runs the real entry point and collects what it prints and how it exits. */
function runServer(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      env: {
        ...process.env,
        LOG_LEVEL: "silent",
        SIMULATOR: "off",
        NETWORK_FEEDERS: "100",
        NETWORK_CONSUMERS: "100",
        ...env,
      },
      cwd: path.resolve(import.meta.dirname, "../.."),
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe("start-up problems an operator can fix", () => {
  it("a port in use is one clear line, not a stack trace", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as net.AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-port-"));
    const { code, stderr } = await runServer({
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
    });
    blocker.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      `port ${port} on 127.0.0.1 is in use: stop the other server or set PORT`,
    );
  }, 90_000);

  it("an unusable DATA_DIR is one clear line", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-dd-")), "a-file");
    fs.writeFileSync(file, "not a directory");
    const { code, stderr } = await runServer({ PORT: "0", DATA_DIR: path.join(file, "data") });
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^DATA_DIR .* is not usable \(ENOTDIR\)/);
  }, 90_000);

  it("a PostgreSQL that is not there is one clear line", async () => {
    // A port nothing listens on: taken, then released.
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const { code, stderr } = await runServer({
      PORT: "0",
      DATABASE_URL: `postgres://nigrani:secret@127.0.0.1:${port}/nigrani`,
    });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      `PostgreSQL at 127.0.0.1:${port}/nigrani is not usable (ECONNREFUSED): start it or fix DATABASE_URL`,
    );
  }, 90_000);
});

describe("configuration of the store", () => {
  it("takes PostgreSQL URLs only, and a pool of at least two", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@db:5432/n" }).DATABASE_URL).toBe(
      "postgres://u@db:5432/n",
    );
    expect(() => loadConfig({ DATABASE_URL: "mysql://u@db/n" })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ URL/,
    );
    expect(() => loadConfig({ DATABASE_POOL_SIZE: "1" })).toThrow(/DATABASE_POOL_SIZE/);
  });
});

describe("configuration of the demo simulator", () => {
  const production = { NODE_ENV: "production", ...SECRETS };

  it("runs the simulator by default outside production", () => {
    expect(loadConfig({}).SIMULATOR).toBe(true);
  });

  it("never runs the simulator in production unless SIMULATOR is set explicitly", () => {
    expect(loadConfig(production).SIMULATOR).toBe(false);
    expect(loadConfig({ ...production, SIMULATOR: "on" }).SIMULATOR).toBe(true);
  });

  it("reads the history and speed settings, refusing bad values by name", () => {
    const c = loadConfig({ SIM_HISTORY_DAYS: "0", SIM_SPEED: "60", SIM_HISTORY_RATE: "30" });
    expect([c.SIM_HISTORY_DAYS, c.SIM_SPEED, c.SIM_HISTORY_RATE]).toEqual([0, 60, 30]);
    expect(() => loadConfig({ SIM_SPEED: "0" })).toThrow(/SIM_SPEED/);
    expect(() => loadConfig({ SIM_HISTORY_DAYS: "1.5" })).toThrow(/SIM_HISTORY_DAYS/);
  });
});

describe("MAP_TILE_URL", () => {
  it("is optional: without it the maps draw their labelled base alone", () => {
    const config = loadConfig({});
    expect(mapTiles(config)).toBeNull();
    expect(mapTileSource(config)).toBeNull();
  });

  it("takes a tile URL template with its credit, and lets the CSP load its images", () => {
    const config = loadConfig({
      MAP_TILE_URL: "https://{s}.tiles.example.in/{z}/{x}/{y}.png",
      MAP_TILE_ATTRIBUTION: "© Example Maps",
    });
    expect(mapTiles(config)).toEqual({
      url: "https://{s}.tiles.example.in/{z}/{x}/{y}.png",
      attribution: "© Example Maps",
    });
    expect(mapTileSource(config)).toBe("https://*.tiles.example.in");
  });

  it("refuses a URL that is not a tile template, or tiles without their credit, by name", () => {
    expect(() =>
      loadConfig({ MAP_TILE_URL: "https://tiles.example.in/map.png", MAP_TILE_ATTRIBUTION: "x" }),
    ).toThrow(/MAP_TILE_URL: must contain \{z\}, \{x\} and \{y\}/);
    expect(() =>
      loadConfig({
        MAP_TILE_URL: "ftp://tiles.example.in/{z}/{x}/{y}.png",
        MAP_TILE_ATTRIBUTION: "x",
      }),
    ).toThrow(/MAP_TILE_URL: must be an http\(s\) URL/);
    expect(() => loadConfig({ MAP_TILE_URL: "https://tiles.example.in/{z}/{x}/{y}.png" })).toThrow(
      /MAP_TILE_ATTRIBUTION: is required with MAP_TILE_URL/,
    );
  });
});
