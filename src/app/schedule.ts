// Periodic jobs inside the server process: run once now, then every `periodMs`. The timer is unref'd so it never
// keeps a process alive on its own, a run never overlaps the previous one, a failure is logged and retried at the
// next tick, and stop() waits for a run in flight so the database can close after it.
import type { FastifyBaseLogger } from 'fastify';

export const DAY_MS = 86_400_000;

export type Scheduled = { stop(): Promise<void> };

export function schedule(name: string, periodMs: number, job: () => Promise<unknown>, log: Pick<FastifyBaseLogger, 'info' | 'error'>): Scheduled {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = job().then(
      (result) => log.info({ job: name, result }, `${name}: done`),
      (err: unknown) => log.error({ err, job: name }, `${name}: failed`),
    ).finally(() => { running = undefined; });
  };
  tick();
  const timer = setInterval(tick, periodMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
