import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("npm run triage -- FILE.jsonl", () => {
  it("prints one valid JSON line per input line, errors included", () => {
    const dir = mkdtempSync(join(tmpdir(), "triage-cli-"));
    const file = join(dir, "in.jsonl");
    writeFileSync(
      file,
      [
        JSON.stringify({
          id: "r1",
          text: "Hazratganj me 6 ghante se bijli nahi hai",
          channel: "whatsapp",
        }),
        "not json",
        JSON.stringify({ id: "r3" }),
        JSON.stringify({ id: "r4", text: "Good morning sir 🙏" }),
      ].join("\n") + "\n",
    );
    const run = spawnSync(process.execPath, ["--import", "tsx", "server/cli/triage.ts", file], {
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    const out = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual({
      id: "r1",
      category: "supply_cut",
      confidence: expect.any(Number),
      district: "Lucknow",
      unitId: null,
    });
    expect(out[1]).toMatchObject({ id: null, error: expect.any(String) });
    expect(out[2]).toMatchObject({ id: "r3", error: expect.any(String) });
    expect(out[3]).toMatchObject({ id: "r4", category: null, district: null, unitId: null });
  });
});
