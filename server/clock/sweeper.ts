import type { Logger } from "pino";

export interface SweepTask {
  name: string;
  run(): Promise<void>;
  /**
   * Work that must happen once in a cluster, not once per node (SLA states, escalations, closures,
   * the outbox): it runs only on the node holding the clock's lease. Per-node work (this node's
   * day turning, its screens' sessions) leaves this unset.
   */
  singleton?: boolean;
}

/**
 * Runs the time-driven work (SLA states, the IST day turning, later escalations and auto-closing)
 * on an interval. One run at a time; tests call runOnce() with a manual clock instead. In a
 * cluster `holdsLease` says whether this node runs the singleton tasks (one node alone always does).
 */
export class Sweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly tasks: SweepTask[],
    private readonly log: Logger,
    private readonly holdsLease: () => boolean = () => true,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
  }

  async runOnce(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      for (const task of this.tasks) {
        // Asked before each task: a lease lost mid-sweep stops the rest at once.
        if (task.singleton && !this.holdsLease()) continue;
        try {
          await task.run();
        } catch (err) {
          this.log.error({ err, task: task.name }, "sweep task failed");
        }
      }
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
