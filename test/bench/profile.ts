/**
 * CPU profiles of one part of the bench (BENCH_PROFILE=dir): the inspector profiles this process
 * (the server) only while that part runs, so setup and the network's generation stay out of it.
 * Read them with `npx tsx test/bench/profile-top.ts FILE.cpuprofile`.
 */
import fs from "node:fs";
import path from "node:path";
import { Session } from "node:inspector/promises";

const DIR = process.env.BENCH_PROFILE;

/** Runs `work`; with BENCH_PROFILE set, writes its CPU profile to `<dir>/<name>.cpuprofile`. */
export async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!DIR) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(path.join(DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
