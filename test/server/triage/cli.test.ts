import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["--import", "tsx", "server/cli/triage.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });

const tempFile = (name: string, lines: unknown[]): string => {
  const file = join(mkdtempSync(join(tmpdir(), "triage-cli-")), name);
  writeFileSync(
    file,
    lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n",
  );
  return file;
};

describe("npm run triage -- FILE.jsonl", () => {
  it("prints one valid JSON line per input line: category or null, best guess, place, reason", () => {
    const file = tempFile("in.jsonl", [
      { id: "r1", text: "Hazratganj me 6 ghante se bijli nahi hai", channel: "whatsapp" },
      "not json",
      { id: "r3" },
      { id: "r4", text: "Good morning sir 🙏" },
      { id: "r5", text: "the reading date on my bill says 15th but nobody came to read the meter" },
    ]);
    const result = run([file]);
    expect(result.status).toBe(0);
    const out = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(5);
    // A district alone: the ticket would wait at that district's control room, not be placed.
    expect(out[0]).toEqual({
      id: "r1",
      category: "supply_cut",
      label: "supply_cut",
      confidence: expect.any(Number),
      district: "Lucknow",
      unitId: expect.stringMatching(/^MVVNL/),
      queueReason: "place_unknown",
    });
    expect(out[1]).toMatchObject({ id: null, error: expect.any(String) });
    expect(out[2]).toMatchObject({ id: "r3", error: expect.any(String) });
    // Queued, but the best guess and its confidence are still printed.
    expect(out[3]).toEqual({
      id: "r4",
      category: null,
      label: "other",
      confidence: expect.any(Number),
      district: null,
      unitId: null,
      queueReason: "both",
    });
    expect(out[4]).toMatchObject({ id: "r5", category: "meter_reading", district: null });
  }, 60_000);

  it("runs the README's example file", () => {
    const result = run(["server/triage/corpus/examples.jsonl"]);
    expect(result.status).toBe(0);
    const out = result.stdout.trim().split("\n");
    expect(out.length).toBeGreaterThanOrEqual(5);
    for (const line of out) expect(JSON.parse(line)).toHaveProperty("label");
  }, 60_000);

  it("--help explains the fields and exits 0; no file is a usage error", () => {
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    for (const word of [
      "--eval",
      "category",
      "label",
      "confidence",
      "district",
      "unitId",
      "queueReason",
    ])
      expect(help.stdout).toContain(word);
    const bare = run([]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain("--help");
  }, 60_000);
});

describe("npm run triage -- --eval FILE.jsonl", () => {
  it("trains without the file's groups and texts and prints per-class scores, the confusion matrix and the queue", () => {
    const file = tempFile("labelled.jsonl", [
      { text: "Ashok Nagar me 5 ghante se light nahi aayi", category: "supply_cut" },
      { text: "Bijli ka bill teen mahine se nahi aaya", category: "bill_generation" },
      { text: "Meter ki reading galat chadha di, dobara padhwao", category: "meter_reading" },
      { text: "Happy Holi to all the linemen 🙏", category: "other" },
    ]);
    const result = run(["--eval", file], { DATA_DIR: mkdtempSync(join(tmpdir(), "triage-eval-")) });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /4 texts; model trained on \d+ texts sharing no template or text/,
    );
    expect(result.stdout).toMatch(/macro-F1/);
    expect(result.stdout).toContain("confusion matrix");
    expect(result.stdout).toMatch(/decided without a person/);
    // Each label has a precision/recall row.
    for (const label of ["supply_cut", "pole_wire", "bill_generation", "other"])
      expect(result.stdout).toMatch(new RegExp(`^  ${label}\\s+\\d+`, "m"));
  }, 180_000);

  it("rejects a file without categories, naming the line", () => {
    const file = tempFile("bad.jsonl", [{ text: "no label here" }]);
    const result = run(["--eval", file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/line 1.*category/);
  }, 60_000);
});
