import { measure } from "mitata";

/** One measured case: median time per iteration in milliseconds, with the spread. */
export interface Timing {
  readonly name: string;
  readonly medianMs: number;
  readonly p25Ms: number;
  readonly p75Ms: number;
  readonly samples: number;
}

/** Measures `fn` with mitata (warm-up, adaptive sampling) and returns its median time. */
export async function time(name: string, fn: () => unknown, minSamples = 8): Promise<Timing> {
  const stats = await measure(fn, { min_samples: minSamples, max_samples: 40, min_cpu_time: 1_500 * 1e6 });
  return { name, medianMs: stats.p50 / 1e6, p25Ms: stats.p25 / 1e6, p75Ms: stats.p75 / 1e6, samples: stats.samples.length };
}

/** Prints a table of timings, each with its ratio to the first (the baseline). */
export function report(title: string, rows: readonly Timing[], note?: string): void {
  const base = rows[0];
  console.log(`\n## ${title}\n`);
  console.log("| case | median | p25–p75 | samples | ratio |");
  console.log("|---|---:|---:|---:|---:|");
  for (const r of rows) {
    const ratio = base ? r.medianMs / base.medianMs : 1;
    console.log(
      `| ${r.name} | ${r.medianMs.toFixed(2)} ms | ${r.p25Ms.toFixed(2)}–${r.p75Ms.toFixed(2)} ms | ${r.samples} | ${ratio.toFixed(2)}× |`,
    );
  }
  if (note) console.log(`\n${note}`);
}

/** Heap used, in MiB, after a GC when the process was started with --expose-gc. */
export function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
