import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const FILE = resolve('out/bench.json');
const SAMPLES = 200;
const WARMUP = 20;

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number((sorted[Math.ceil(sorted.length * q) - 1] ?? 0).toFixed(3));
}

export function p95(samples: number[]): number {
  return quantile(samples, 0.95);
}

export function median(samples: number[]): number {
  return quantile(samples, 0.5);
}

/**
 * p95 in ms of `run` over 200 samples after 20 warm-up runs. Figures near a second take fewer
 * (`samples`), or one report would measure for minutes.
 */
export async function measure(run: () => unknown, samples = SAMPLES): Promise<number> {
  const times: number[] = [];
  const warmup = Math.min(WARMUP, Math.ceil(samples / 10));
  for (let i = 0; i < samples + warmup; i++) {
    const start = performance.now();
    await run();
    if (i >= warmup) times.push(performance.now() - start);
  }
  return p95(times);
}

/**
 * A call through dispatch and its raw twin, their samples taken in turn (one of each, and again),
 * so that both see the same disk: on this machine a synced commit's time drifts by 2× within a
 * minute, and measured one after the other the two would be compared across different disks.
 * Gives `<name>.p95_ms` and `<name>.raw.p95_ms`, and the medians beside them (`p50_ms`), which a
 * slow sync now and then does not move.
 */
export async function measurePair(
  name: string,
  viaDispatch: () => unknown,
  raw: () => unknown,
  samples = SAMPLES,
): Promise<Record<string, number>> {
  const times: [number[], number[]] = [[], []];
  const warmup = Math.min(WARMUP, Math.ceil(samples / 10));
  for (let i = 0; i < samples + warmup; i++) {
    for (const [side, run] of [viaDispatch, raw].entries()) {
      const start = performance.now();
      await run();
      if (i >= warmup) times[side]?.push(performance.now() - start);
    }
  }
  const [call, twin] = times;
  return {
    [`${name}.p95_ms`]: p95(call),
    [`${name}.raw.p95_ms`]: p95(twin),
    [`${name}.p50_ms`]: quantile(call, 0.5),
    [`${name}.raw.p50_ms`]: quantile(twin, 0.5),
  };
}

/** Merge figures into out/bench.json; `npm run bench` prints that file as one JSON object. */
export function recordFigures(figures: Record<string, number>): void {
  mkdirSync(resolve('out'), { recursive: true });
  const before = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, number>) : {};
  writeFileSync(FILE, `${JSON.stringify({ ...before, ...figures }, null, 2)}\n`);
}
