import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";

const realSecrets = {
  NODE_ENV: "production",
  WHATSAPP_APP_SECRET: "a",
  WHATSAPP_VERIFY_TOKEN: "b",
  WHATSAPP_TOKEN: "c",
  X_CONSUMER_SECRET: "d",
  OPEN311_API_KEY: "e",
  OTP_SECRET: "f",
};

describe("configuration of the demo simulator", () => {
  it("runs the simulator by default outside production", () => {
    expect(loadConfig({}).SIMULATOR).toBe(true);
  });

  it("never runs the simulator in production unless SIMULATOR is set explicitly", () => {
    expect(loadConfig(realSecrets).SIMULATOR).toBe(false);
    expect(loadConfig({ ...realSecrets, SIMULATOR: "on" }).SIMULATOR).toBe(true);
  });

  it("reads the history and speed settings, refusing bad values by name", () => {
    const c = loadConfig({ SIM_HISTORY_DAYS: "0", SIM_SPEED: "60", SIM_HISTORY_RATE: "30" });
    expect([c.SIM_HISTORY_DAYS, c.SIM_SPEED, c.SIM_HISTORY_RATE]).toEqual([0, 60, 30]);
    expect(() => loadConfig({ SIM_SPEED: "0" })).toThrow(/SIM_SPEED/);
    expect(() => loadConfig({ SIM_HISTORY_DAYS: "1.5" })).toThrow(/SIM_HISTORY_DAYS/);
  });
});
