import type { Logger } from "pino";

export interface SweepTask {
  name: string;
  run(): Promise<void>;
}

/**
 * Runs the time-driven work (SLA states, the IST day turning, later escalations and auto-closing)
 * on an interval. One run at a time; tests call runOnce() with a manual clock instead.
 */
export class Sweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly tasks: SweepTask[],
    private readonly log: Logger,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
  }

  async runOnce(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      for (const task of this.tasks) {
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
