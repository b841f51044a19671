/** GET /api/v1/demo: whether this server is running the demo simulator, for honest labels. */
export interface DemoStatus {
  simulator: boolean;
  /** How many times faster than real time the demo's clock runs. */
  speed: number;
  /** Simulated reports per hour, live. */
  ratePerHour: number;
  /** The history written on first start, if any. */
  history: {
    from: string;
    to: string;
    days: number;
    reports: number;
    tickets: number;
  } | null;
  /** The prefix of every simulated person's actor name on ticket events. */
  actorPrefix: string;
}
