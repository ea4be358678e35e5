import type { ImportedRecords, ImportWarning } from "../io/index.js";
import { earnedValueWarningText, type NamedPackage } from "../reports/index.js";
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
 * @internal The `evm` warning lines of one project. The calculator warns once per package missing from the baseline
 * (`t1 has no baseline 1: …`, `t1 has no baseline (none): …` when the project has none): they are said in one line
 * naming them, `20 work packages are in no baseline (the project has none): t1, …: their BAC …`; packages are named by
 * name with id where `packages` (the result's) has them, `Project management (wp-crm-1) is level of effort: …`.
 */
export function evmWarningLines(code: string, warnings: readonly { code: string; packageId?: string; message: string }[], packages: readonly NamedPackage[] = []): string[] {
  const parsed = warnings.map((w) => ({ w, m: w.code === "package-without-baseline" && w.packageId !== undefined ? /^has no baseline (\(none\)|\d+): (.*)$/su.exec(w.message.slice(w.packageId.length + 1)) : null }));
  // Packages by name with id (`Project management (wp-crm-1)`), as the report's project sections name them.
  const lines = parsed.filter((p) => !p.m).map((p) => `warning: ${code}: ${earnedValueWarningText(p.w, packages)}`);
  const missing = parsed.filter((p) => p.m);
  if (missing.length > 0) {
    const [, n, tail] = missing[0]!.m!;
    const where = n === "(none)" ? "in no baseline (the project has none)" : `not in baseline ${n}`;
    const one = missing.length === 1;
    const ids = missing.map((p) => earnedValueWarningText({ packageId: p.w.packageId, message: p.w.packageId! }, packages)).join(", ");
    lines.push(`warning: ${code}: ${one ? `${ids} is ${where}` : `${missing.length} work packages are ${where}: ${ids}`}: ${one ? tail : tail!.replaceAll("its ", "their ")}`);
  }
  return lines;
}
