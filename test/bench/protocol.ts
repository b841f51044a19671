import type { ReportInput } from "../../shared/schemas.js";

/** Commands run.ts sends the load-client process, and its answers (over Node's IPC channel). */
export type Command =
  | { type: "connect"; url: string; screens: number }
  | { type: "ingest"; url: string; reports: ReportInput[]; inFlight: number }
  | { type: "storm"; reports: ReportInput[]; rate: number }
  | { type: "lone"; reports: ReportInput[]; gapMs: number }
  | { type: "exit" };

export type Reply =
  | { type: "connected"; screens: number }
  | { type: "ingest"; perS: number; ackP99: number }
  | {
      type: "storm";
      posted: number;
      rate: number;
      ackP99: number;
      p50: number;
      p99: number;
      bytesPerScreenS: number;
      /** Every screen's open count for its unit once the storm settled. */
      opens: number[];
    }
  | { type: "lone"; p50: number; p99: number }
  | { type: "bye" }
  | { type: "error"; message: string };
