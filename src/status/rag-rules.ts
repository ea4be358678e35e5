import * as z from "zod";
import { ZOD_MESSAGES } from "../core/codecs/decode.js";
import { decimalStringSchema, PmoDecimal, toDecimalString, ValidationError, type Decimal, type ValidationIssue } from "../core/index.js";
import { requireArray } from "../core/guard.js";
import { ragDimensionSchema } from "../entities/index.js";
import { DECIMAL_FIGURES } from "./rag-figures.js";

const base = { id: z.string().regex(/^[a-z][a-z0-9-]*$/).max(64), dimension: ragDimensionSchema };

const finite = (v: unknown): v is Decimal => PmoDecimal.isDecimal(v) && v.isFinite();
// A threshold as every calculator input takes a decimal — a decimal string or a finite number — and as
// decodeRagRules gives it back (a Decimal), so decoded rules can be passed again; it encodes to the decimal string.
const threshold = z.codec(
  z.union([decimalStringSchema, z.number().refine(Number.isFinite, { message: "expected a finite number" }), z.custom<Decimal>(finite, { message: "expected a finite Decimal" })]),
  z.custom<Decimal>(finite, { message: "expected a finite Decimal" }),
  { decode: (v) => new PmoDecimal(v), encode: (d) => toDecimalString(d) },
);

/**
 * A RAG rule, as data. Five kinds:
 * - `index`: green when the figure ≥ `greenAtLeast`, amber when ≥ `amberAtLeast`, red below (SPI, CPI);
 * - `forecast-vs-budget`: EAC ≤ BAC green, EAC ≤ BAC × (1 + `amberTolerance`) amber, above red;
 * - `tolerance`: PRINCE2 tolerance — red when the figure exceeds `tolerance`, amber when it reaches
 *   `amberShare` × tolerance, green below; the default `sides: "above"` reads the figure as given, `"below"` its
 *   negation (a deviation under the target: an underspend), `"both"` its size, a deviation either way (PRINCE2's
 *   "above and below a plan's target"; two rules on one figure give +10 % / −5 %);
 * - `count`: amber when the figure ≥ `amberAtLeast`, red when ≥ `redAtLeast` (either may be left out);
 * - `resources`: amber when allocated < planned hours or actual > allocated; red when that held in the previous
 *   report too.
 *
 * @example
 * ```ts
 * ragRuleSchema.decode({ id: "schedule-spi", dimension: "schedule", kind: "index", figure: "spi", greenAtLeast: "0.95", amberAtLeast: "0.85" });
 * ```
 */
export const ragRuleSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...base, kind: z.literal("index"), figure: z.string().min(1).max(100), greenAtLeast: threshold, amberAtLeast: threshold }),
  z.strictObject({ ...base, kind: z.literal("forecast-vs-budget"), amberTolerance: threshold }),
  z.strictObject({
    ...base,
    kind: z.literal("tolerance"),
    figure: z.string().min(1).max(100),
    tolerance: threshold,
    amberShare: threshold,
    sides: z.enum(["above", "below", "both"]).optional(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal("count"),
    figure: z.string().min(1).max(100),
    amberAtLeast: threshold.optional(),
    redAtLeast: threshold.optional(),
  }),
  z.strictObject({ ...base, kind: z.literal("resources") }),
]);

/** A RAG rule, in memory form (Decimal thresholds). */
export type RagRule = z.output<typeof ragRuleSchema>;
/** A RAG rule as written in data (thresholds as decimal strings; a finite number or a Decimal is read too). */
export type RagRuleInput = z.input<typeof ragRuleSchema>;

/**
 * The default RAG rules (see docs/status-and-kpis.md for the sources): SPI and CPI green from 0.95, amber from 0.85;
 * EAC up to BAC green, up to 5% over amber; any missed key milestone amber; finish slip over 20 days red, from 16
 * days amber (calendar days, the unit `ragStatus` derives `finishSlipDays` in by default; with `finishSlipUnit:
 * "working-days"` the same 20 reads as working days — about four weeks rather than three); scope change over 10% red, from 8% amber, either way (a cut is a change); an open critical defect red, an open high defect amber; a
 * pending high-probability risk amber; an open critical issue red; resource shortfall amber, red when it persists;
 * an overdue blocking rollout item amber; a blocking item open at a go/no-go gate that has come red.
 *
 * @example
 * ```ts
 * const strict = DEFAULT_RAG_RULES.map((r) => (r.id === "cost-cpi" ? { ...r, greenAtLeast: "1.00" } : r));
 * ragStatus(project, { asOf, rules: strict, figures });
 * ```
 */
export const DEFAULT_RAG_RULES: readonly RagRuleInput[] = Object.freeze([
  { id: "schedule-spi", dimension: "schedule", kind: "index", figure: "spi", greenAtLeast: "0.95", amberAtLeast: "0.85" },
  { id: "schedule-key-milestones", dimension: "schedule", kind: "count", figure: "missedKeyMilestones", amberAtLeast: "1" },
  { id: "schedule-finish-tolerance", dimension: "schedule", kind: "tolerance", figure: "finishSlipDays", tolerance: "20", amberShare: "0.8" },
  { id: "cost-cpi", dimension: "cost", kind: "index", figure: "cpi", greenAtLeast: "0.95", amberAtLeast: "0.85" },
  { id: "cost-eac", dimension: "cost", kind: "forecast-vs-budget", amberTolerance: "0.05" },
  { id: "scope-change", dimension: "scope", kind: "tolerance", figure: "scopeChangePercent", tolerance: "10", amberShare: "0.8", sides: "both" },
  { id: "quality-critical-defects", dimension: "quality", kind: "count", figure: "openCriticalDefects", redAtLeast: "1" },
  { id: "quality-high-defects", dimension: "quality", kind: "count", figure: "openHighDefects", amberAtLeast: "1" },
  { id: "risks-high", dimension: "risks-and-issues", kind: "count", figure: "highRisksPending", amberAtLeast: "1" },
  { id: "issues-critical", dimension: "risks-and-issues", kind: "count", figure: "openCriticalIssues", redAtLeast: "1" },
  { id: "resources-allocation", dimension: "resources", kind: "resources" },
  { id: "readiness-overdue", dimension: "readiness", kind: "count", figure: "overdueBlockingItems", amberAtLeast: "1" },
  { id: "readiness-go-no-go", dimension: "readiness", kind: "count", figure: "openBlockingAtGoNoGo", redAtLeast: "1" },
] satisfies RagRuleInput[]);

/**
 * Decodes and checks RAG rules: known figure names (built-in or among `customFigures`), unique ids, amber thresholds
 * not above green ones, positive tolerances, a share between 0 and 1, at least one threshold on a count rule.
 *
 * @throws {ValidationError} with the path of each problem (`[2, "figure"]`: "unknown figure spii").
 * @example
 * ```ts
 * decodeRagRules(DEFAULT_RAG_RULES).length; // 13
 * ```
 */
export function decodeRagRules(rules: readonly unknown[], customFigures: readonly string[] = []): RagRule[] {
  requireArray(rules, ["rules"], "decodeRagRules");
  requireArray(customFigures, ["customFigures"], "decodeRagRules");
  const issues: ValidationIssue[] = [];
  const known = new Set<string>([...DECIMAL_FIGURES, ...customFigures]);
  const ids = new Set<string>();
  const out: RagRule[] = [];
  rules.forEach((input, i) => {
    const r = ragRuleSchema.safeDecode(input as RagRuleInput, ZOD_MESSAGES);
    if (!r.success) {
      issues.push(...ValidationError.fromZod(r.error).issues.map((x) => ({ ...x, path: [i, ...x.path] })));
      return;
    }
    const rule = r.data;
    const issue = (path: string, message: string) => issues.push({ path: [i, path], message, code: "custom" });
    if (ids.has(rule.id)) issue("id", `duplicate rule id ${rule.id}`);
    ids.add(rule.id);
    if ("figure" in rule && !known.has(rule.figure)) issue("figure", `unknown figure ${rule.figure}`);
    if (rule.kind === "index" && rule.amberAtLeast.gt(rule.greenAtLeast)) issue("amberAtLeast", "the amber threshold is above the green one");
    if (rule.kind === "forecast-vs-budget" && rule.amberTolerance.lt(0)) issue("amberTolerance", "a tolerance cannot be negative");
    if (rule.kind === "tolerance") {
      if (!rule.tolerance.gt(0)) issue("tolerance", "a tolerance must be positive");
      if (!rule.amberShare.gt(0) || rule.amberShare.gt(1)) issue("amberShare", "the amber share is above 0 and at most 1");
    }
    if (rule.kind === "count") {
      if (rule.amberAtLeast === undefined && rule.redAtLeast === undefined) issue("redAtLeast", "a count rule needs an amber or a red threshold");
      if (rule.amberAtLeast && rule.redAtLeast && rule.amberAtLeast.gt(rule.redAtLeast)) issue("amberAtLeast", "the amber threshold is above the red one");
    }
    out.push(rule);
  });
  if (issues.length > 0) throw new ValidationError(issues, "RAG rules");
  return out;
}
