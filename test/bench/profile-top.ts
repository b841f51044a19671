/**
 * The functions a .cpuprofile spent most time in: self time, and with `--total` time including
 * what they called (each function counted once per sample, however deep its recursion).
 *
 *   npx tsx test/bench/profile-top.ts FILE.cpuprofile [--total] [--n=40] [--files]
 *
 * `--files` sums self time per source file (package name for node_modules) instead;
 * `--callers=NAME` shows, for the functions named NAME, the call chains (3 deep) their self time came from.
 */
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const file = process.argv[2];
const TOTAL = process.argv.includes("--total");
const FILES = process.argv.includes("--files");
const CALLERS = process.argv.find((a) => a.startsWith("--callers="))?.slice("--callers=".length);
const N = Number(process.argv.find((a) => a.startsWith("--n="))?.slice(4) ?? 40);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;

function shortUrl(url: string): string {
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const i = url.search(/\/(server|shared|test)\//);
  return i >= 0 ? url.slice(i + 1) : url.replace(/^node:/, "node:");
}

function key(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  if (FILES) return shortUrl(url) || functionName;
  return `${functionName || "(anonymous)"} ${shortUrl(url)}:${lineNumber + 1}`;
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const time = new Map<string, number>();
let all = 0;
for (const [i, id] of profile.samples.entries()) {
  const dt = profile.timeDeltas[i] ?? 0;
  all += dt;
  if (CALLERS !== undefined) {
    let at: number | undefined = id;
    if (byId.get(at)!.callFrame.functionName !== CALLERS) continue;
    const chain: string[] = [];
    for (let d = 0; d < 4 && at !== undefined; d++, at = parent.get(at))
      chain.push(key(byId.get(at)!));
    const k = chain.join(" < ");
    time.set(k, (time.get(k) ?? 0) + dt);
    continue;
  }
  if (!TOTAL) {
    const k = key(byId.get(id)!);
    time.set(k, (time.get(k) ?? 0) + dt);
    continue;
  }
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const k = key(byId.get(at)!);
    if (seen.has(k)) continue;
    seen.add(k);
    time.set(k, (time.get(k) ?? 0) + dt);
  }
}
const idle = [...time].filter(([k]) => k.startsWith("(idle)")).reduce((s, [, v]) => s + v, 0);
console.log(
  `${file}: ${(all / 1000).toFixed(0)} ms sampled, ${((all - idle) / 1000).toFixed(0)} ms busy`,
);
for (const [k, v] of [...time].sort((a, b) => b[1] - a[1]).slice(0, N))
  console.log(
    `${((100 * v) / (all - idle)).toFixed(1).padStart(6)} %  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`,
  );
