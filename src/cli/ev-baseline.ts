import type { ImportedRecords, ImportWarning } from "../io/index.js";
import { CliError } from "./errors.js";

/**
 * @internal The baseline earned value measures an imported MS Project plan against. `wanted` (`--baseline N`) sets
 * the project's `activeBaseline`; without it the file's `BaselineForEarnedValue` stays (0, "Baseline", when unset).
 * After the last batch: a `--baseline` the file has no baseline for is refused (exit 2, the import rolls back), and a
 * `BaselineForEarnedValue` naming a missing baseline is a warning naming the baselines the file has and the flag —
 * before, the import was silent and `evm` said `n/a (no-baseline)` for every figure with no way out.
 *
 * @example
 * ```ts
 * // mpxj_baselines.xml: baselines 1–10, BaselineForEarnedValue 0
 * for await (const batch of evBaseline(batches, "plan.xml", undefined, warnings)) write(batch);
 * warnings.at(-1)?.message; // "BaselineForEarnedValue 0 names baseline 0, which the file does not have (its baselines: 1, 2, …, 10): …"
 * ```
 */
export async function* evBaseline(batches: AsyncIterable<ImportedRecords>, file: string, wanted: number | undefined, warnings: ImportWarning[]): AsyncGenerator<ImportedRecords> {
  let active: number | undefined;
  const numbers = new Set<number>();
  for await (const batch of batches) {
    for (const b of batch.baseline ?? []) numbers.add(b.number);
    if (batch.project === undefined) {
      yield batch;
      continue;
    }
    const project = batch.project.map((p) => ((active = wanted ?? p.activeBaseline ?? 0), wanted === undefined ? p : { ...p, activeBaseline: wanted }));
    yield { ...batch, project };
  }
  if (active === undefined || numbers.has(active)) return;
  const have = [...numbers].sort((x, y) => x - y);
  const its = have.length > 0 ? `its baselines: ${have.join(", ")}` : "it has no baseline: set one in MS Project (Set Baseline) and save the file again";
  if (wanted !== undefined) throw new CliError(`${file}: --baseline ${wanted}: the file has no baseline ${wanted} (${its}); nothing imported`, { code: "usage" });
  warnings.push({
    path: "Project/BaselineForEarnedValue", code: "missing-ev-baseline",
    message: `BaselineForEarnedValue ${active} names baseline ${active}, which the file does not have (${its}): earned value will be n/a (no-baseline)${have.length > 0 ? `; import it into a new database with --baseline N (one of ${have.join(", ")}) to measure against that baseline` : ""}`,
  });
}

/**
 * @internal The `--baseline` option's parser: a baseline number 0–10 (MS Project's Baseline, Baseline 1 … 10), else
 * a usage error (exit 2).
 *
 * @example
 * ```ts
 * baselineNumber("1"); // 1
 * ```
 */
export function baselineNumber(value: string): number {
  if (!/^(?:[0-9]|10)$/.test(value)) throw new CliError(`--baseline must be a baseline number 0–10 (0 is MS Project's "Baseline"), got ${value}`, { code: "usage" });
  return Number(value);
}

/**
 * @internal The `evm` warning lines of one project: the packages missing from the baseline, one warning each from the
 * calculator, are said in one line naming them (a plan without a baseline would otherwise print one line per task).
 */
export function evmWarningLines(code: string, warnings: readonly { code: string; packageId?: string; message: string }[]): string[] {
  const missing = warnings.filter((w) => w.code === "package-without-baseline" && w.packageId !== undefined && w.message.startsWith(`${w.packageId} is `));
  const lines = warnings.filter((w) => !missing.includes(w)).map((w) => `warning: ${code}: ${w.message}`);
  if (missing.length === 1) lines.push(`warning: ${code}: ${missing[0]!.message}`);
  else if (missing.length > 1) {
    // "PRJ-T-t1 is in no baseline (…): its BAC, PV and EV are missing …; its actuals still count …"
    const rest = missing[0]!.message.slice(missing[0]!.packageId!.length + " is ".length);
    const cut = rest.indexOf(": ");
    const ids = missing.map((w) => w.packageId!).join(", ");
    lines.push(`warning: ${code}: ${missing.length} work packages are ${rest.slice(0, cut)}: ${ids}: ${rest.slice(cut + 2).replaceAll("its ", "their ")}`);
  }
  return lines;
}
