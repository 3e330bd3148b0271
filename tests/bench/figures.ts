import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const FILE = resolve('out/bench.json');
const SAMPLES = 200;
const WARMUP = 20;

export function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number((sorted[Math.ceil(sorted.length * 0.95) - 1] ?? 0).toFixed(3));
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

/** Merge figures into out/bench.json; `npm run bench` prints that file as one JSON object. */
export function recordFigures(figures: Record<string, number>): void {
  mkdirSync(resolve('out'), { recursive: true });
  const before = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, number>) : {};
  writeFileSync(FILE, `${JSON.stringify({ ...before, ...figures }, null, 2)}\n`);
}
