import { ValidationError, decimal, metric, missing, type Decimal, type IsoDate, type Metric, type ValidationIssue, checkArguments, checkOptionKeys, compareCodePoints } from "../core/index.js";
import { ZOD_MESSAGES } from "../core/codecs/decode.js";
import { duplicateIdIssues } from "../core/unique-ids.js";
import { rolloutWaveSchema, type RolloutPlan, type RolloutWave } from "../entities/index.js";

/** Distribution and training progress of one wave or audience. */
export interface WaveCounts {
  /** Users or devices targeted. */
  readonly targeted: number;
  /** Installed so far. */
  readonly installed: number;
  /** Trained so far. */
  readonly trained: number;
  /** Failed installations. */
  readonly failed: number;
  /** `installed ÷ targeted × 100`. */
  readonly installedPercent: Metric<Decimal>;
  /** `trained ÷ targeted × 100`. */
  readonly trainedPercent: Metric<Decimal>;
  /** Install success: `installed ÷ (installed + failed) × 100` (no attempts yet gives `no-attempts`). */
  readonly installSuccessPercent: Metric<Decimal>;
}

/** Progress of one wave. */
export interface WaveProgress extends WaveCounts {
  /** Wave id. */
  readonly id: string;
  /** Wave name. */
  readonly name: string;
  /** Its audience. */
  readonly audience: string;
  /** `planned` before its start, `running` within its days, `ended` after its finish (as of the day asked). */
  readonly timing: "planned" | "running" | "ended";
}

function counts(targeted: number, installed: number, trained: number, failed: number): WaveCounts {
  const pct = (n: number, d: number, reason: string): Metric<Decimal> => (d === 0 ? missing(reason) : metric(decimal(n).times(100).div(d)));
  return {
    targeted,
    installed,
    trained,
    failed,
    installedPercent: pct(installed, targeted, "no-target"),
    trainedPercent: pct(trained, targeted, "no-target"),
    installSuccessPercent: pct(installed, installed + failed, "no-attempts"),
  };
}

/**
 * The waves checked against the wave schema (counts whole numbers 0 – 100,000,000, installed and trained at most the
 * target, finish not before start): a count given as text, NaN, negative or above its target made a percentage of
 * "03", NaN, −125 or 120.
 */
function checkedWaves(waves: readonly RolloutWave[]): RolloutWave[] {
  const issues: ValidationIssue[] = duplicateIdIssues(waves, ["plan", "waves"]);
  const out: RolloutWave[] = [];
  waves.forEach((w, i) => {
    const { id, name, start, finish, audience, targetCount, installedCount, trainedCount, failedCount } = w;
    const r = rolloutWaveSchema.safeParse({ id, name, start, finish, audience, targetCount, installedCount, trainedCount, failedCount }, ZOD_MESSAGES);
    if (!r.success) for (const x of r.error.issues) issues.push({ path: ["plan", "waves", i, ...(x.path as (string | number)[])], message: x.message, code: x.code });
    // The schema's reading (names and audiences trimmed) is what is counted, so "Sales " is the audience "Sales".
    else out.push(r.data);
  });
  if (issues.length > 0) throw new ValidationError(issues, "rollout waves");
  return out;
}

/**
 * Distribution and training progress per wave, per audience (waves with the same audience text, trimmed, are added
 * up) and in total. No waves, or waves without a target, give reasons (`no-target`, `no-attempts`), never 0 %.
 *
 * @throws {ValidationError} for a wave id listed twice (path `["plan", "waves", i, "id"]`; it would be added up
 *   twice) and for a wave that breaks the wave schema (path `["plan", "waves", i, field]`): a count that
 *   is not a whole number from 0 to 100,000,000, installed or trained above the target, a finish before the start.
 * @example
 * ```ts
 * const p = waveProgress(plan, { asOf: isoDate("2026-11-20") });
 * p.total.trainedPercent; // 12 of 420 trained → 2.857…%
 * ```
 */
export function waveProgress(
  plan: Pick<RolloutPlan, "waves">,
  options: { readonly asOf: IsoDate },
): { readonly waves: readonly WaveProgress[]; readonly byAudience: Readonly<Record<string, WaveCounts>>; readonly total: WaveCounts } {
  checkArguments("waveProgress", { plan: [plan, "object"], options: [options, "object"] });
  checkOptionKeys("waveProgress", options, { asOf: 1 } satisfies Record<keyof typeof options, 1>, ["options"]);
  checkArguments("waveProgress", { "plan.waves": [plan.waves, "object[]"], "options.asOf": [options.asOf, "date"] });
  const waves = checkedWaves(plan.waves)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : compareCodePoints(a.id, b.id)))
    .map((w): WaveProgress => ({
      id: w.id,
      name: w.name,
      audience: w.audience,
      timing: options.asOf < w.start ? "planned" : options.asOf > w.finish ? "ended" : "running",
      ...counts(w.targetCount, w.installedCount, w.trainedCount, w.failedCount),
    }));
  const sum = (ws: readonly WaveProgress[]) =>
    counts(
      ws.reduce((s, w) => s + w.targeted, 0),
      ws.reduce((s, w) => s + w.installed, 0),
      ws.reduce((s, w) => s + w.trained, 0),
      ws.reduce((s, w) => s + w.failed, 0),
    );
  const audiences = [...new Set(waves.map((w) => w.audience))];
  return {
    waves,
    byAudience: Object.fromEntries(audiences.map((a) => [a, sum(waves.filter((w) => w.audience === a))])),
    total: sum(waves),
  };
}
