import { z } from "zod";
import type { Channel } from "./domain.js";

/** `GET /api/v1/imports/:id`: the job number the 202 answer gave. */
export const importJobParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
});

/** A background import (the 1912 CSV sent with `Prefer: respond-async`) and how far it got. */
export interface ImportJobView {
  id: number;
  channel: Extract<Channel, "call_centre">;
  status: "pending" | "done" | "failed";
  receivedAt: string;
  processedAt: string | null;
  /** Data rows read so far and in the file (null until the worker has started on it). */
  rowsDone: number | null;
  rowsTotal: number | null;
  imported: number;
  duplicates: number;
  errors: Array<{ line: number; field: string; message: string }>;
  /** Why the whole file was refused (unreadable) or given up. */
  error: string | null;
}
