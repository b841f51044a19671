/**
 * The demo/load simulator: a realistic, reproducible stream of consumer complaints. wiring.ts
 * starts it through intake unless SIMULATOR=off; SIM_RATE and SIM_SEED (server/config.ts) set it.
 */
export { createSimulator, generateEvents, generateReports } from "./simulator.js";
export type { SimConsumer, SimStats, Simulator, SimulatorDeps } from "./simulator.js";
export type { GeneratedReport } from "./stream.js";
export type { Lang, Topic } from "./texts/types.js";
export { ratePerHourAt, rateMultiplier, PEAK_MULTIPLIER } from "./curve.js";
