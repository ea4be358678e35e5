import * as z from "zod";
import { ZOD_MESSAGES } from "../core/codecs/decode.js";
import { ValidationError, type DecimalInput, type ValidationIssue } from "../core/index.js";
import { criterionSpecSchema, resolveCriterion, type CriterionSpec, type ResolvedCriterion } from "./criteria.js";
import { formulaSchema, formulaCriteria, type FormulaNode } from "./formula.js";

/** A gate, applied before scoring. The first gate that fires decides; later ones are recorded as overridden. */
export type GateSpec =
  | { /** Forces in every request with `mandatory` set (law, contract), with its reason. */ readonly kind: "mandatory" }
  | {
      /** MoSCoW as gates: Must → forced in, Won't → forced out; Should and Could are scored normally. */
      readonly kind: "moscow";
      /** Criterion (usually in `attributes`) whose rating label is the MoSCoW class. */
      readonly criterionId: string;
      /** Labels meaning Must (default `must`), compared case-insensitively. */
      readonly must?: readonly string[];
      /** Labels meaning Won't (default `wont`, `won't`). */
      readonly wont?: readonly string[];
    };

/** A tie-break key: compare this criterion's raw value when scores are equal. Missing values sort last. */
export interface TieBreakKey {
  /** Criterion id (in `criteria` or `attributes`). */
  readonly criterionId: string;
  /** `desc` (higher first, default) or `asc`. */
  readonly order?: "asc" | "desc";
}

interface ModelCommon {
  /** Name shown in results (default: the kind). */
  readonly name?: string;
  /** The criteria the score is built from. */
  readonly criteria: readonly CriterionSpec[];
  /** Further criteria used only by gates, tie-breaks and risk adjustment (not scored). */
  readonly attributes?: readonly CriterionSpec[];
  /** Gates, applied first. */
  readonly gates?: readonly GateSpec[];
  /** Tie-break keys after the score, in order; the request id (code-unit order) always comes last. */
  readonly tieBreak?: readonly TieBreakKey[];
  /** Multiply the score by a confidence (0–1) criterion; shown as its own line in the breakdown. */
  readonly riskAdjustment?: { readonly criterionId: string };
  /** Decimal places of contributions and scores (default 9; 0–12). Scores must stay below 2^53 units. */
  readonly decimals?: number;
  /**
   * Which requests the batch normalisations (min-max, max-ratio, vector, z-score, z-score-sample, rank) are computed over.
   * `"batch"` (default): every request given. `"candidates"`: only the requests that can get a score — not forced
   * out by a gate and with every value the model needs — so a Won't request or an unrated one cannot move the
   * candidates' scores (a forced-out request then has no score: reason `forced-out`).
   */
  readonly normalizeOver?: "batch" | "candidates";
}

/** Weighted sum `S = Σ (w_j/Σw) · n_j(x)`. */
export interface WeightedSumModel extends ModelCommon { readonly kind: "weighted-sum" }
/** WSJF = (business value + time criticality + risk reduction/opportunity enablement) ÷ job size. */
export interface WsjfModel extends ModelCommon {
  readonly kind: "wsjf";
  readonly businessValue: string;
  readonly timeCriticality: string;
  readonly riskReduction: string;
  /** Job size; must be > 0 for every request (≤ 0 is a ValidationError). */
  readonly jobSize: string;
}
/** RICE = reach × impact × confidence ÷ effort. */
export interface RiceModel extends ModelCommon {
  readonly kind: "rice";
  readonly reach: string;
  readonly impact: string;
  readonly confidence: string;
  /** Effort (person-months); must be > 0. */
  readonly effort: string;
  /** How confidence is entered: `fraction` (0.8) or `percent` (80). No default: the two differ a hundredfold. */
  readonly confidenceUnit: "fraction" | "percent";
}
/** ICE: impact, confidence and ease (1–10), combined by `product` or `mean` — chosen explicitly. */
export interface IceModel extends ModelCommon {
  readonly kind: "ice";
  readonly impact: string;
  readonly confidence: string;
  readonly ease: string;
  readonly convention: "product" | "mean";
}
/** A formula over criteria (see {@link FormulaNode}); top-level additive terms are the breakdown's lines. */
export interface FormulaModel extends ModelCommon { readonly kind: "formula"; readonly formula: FormulaNode }

/** Every scoring model. */
export type ScoringModel = WeightedSumModel | WsjfModel | RiceModel | IceModel | FormulaModel;

const id = z.string().min(1).max(128);
const common = {
  name: z.string().min(1).max(300).optional(),
  criteria: z.array(criterionSpecSchema).min(1).max(200),
  attributes: z.array(criterionSpecSchema).max(200).optional(),
  gates: z
    .array(
      z.discriminatedUnion("kind", [
        z.strictObject({ kind: z.literal("mandatory") }),
        z.strictObject({ kind: z.literal("moscow"), criterionId: id, must: z.array(z.string()).optional(), wont: z.array(z.string()).optional() }),
      ]),
    )
    .optional(),
  tieBreak: z.array(z.strictObject({ criterionId: id, order: z.enum(["asc", "desc"]).optional() })).optional(),
  riskAdjustment: z.strictObject({ criterionId: id }).optional(),
  decimals: z.number().int().min(0).max(12).optional(),
  normalizeOver: z.enum(["batch", "candidates"]).optional(),
};
const modelSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("weighted-sum"), ...common }),
  z.strictObject({ kind: z.literal("wsjf"), ...common, businessValue: id, timeCriticality: id, riskReduction: id, jobSize: id }),
  z.strictObject({ kind: z.literal("rice"), ...common, reach: id, impact: id, confidence: id, effort: id, confidenceUnit: z.enum(["fraction", "percent"]) }),
  z.strictObject({ kind: z.literal("ice"), ...common, impact: id, confidence: id, ease: id, convention: z.enum(["product", "mean"]) }),
  z.strictObject({ kind: z.literal("formula"), ...common, formula: formulaSchema }),
]);

/** How a breakdown line enters the score (see `Contribution`). */
export type ContributionRole = "weighted" | "component" | "factor" | "divisor" | "term" | "risk-adjustment";

/** @internal One line of a breakdown. */
export interface TermDef {
  readonly id: string;
  readonly role: ContributionRole;
  readonly criterionIds: readonly string[];
  /** Column of the criterion, for single-criterion terms. */
  readonly col: number | undefined;
}

/** @internal A validated model. Columns: scored criteria first, then attributes. */
export interface ResolvedModel {
  readonly spec: ScoringModel;
  readonly name: string;
  readonly decimals: number;
  readonly columns: readonly ResolvedCriterion[];
  readonly columnOf: ReadonlyMap<string, number>;
  readonly scoredCount: number;
  readonly terms: readonly TermDef[];
  readonly tieBreak: readonly { readonly col: number; readonly desc: boolean }[];
  readonly riskCol: number | undefined;
}

/**
 * Validates a scoring model and applies its defaults: structure (zod), unique criterion ids, weights ≥ 0 and not
 * all zero (weighted sum), scales (numeric min < max, anchors with distinct values), `absolute` normalisation only
 * with a scale, `npv` with a rate, and every referenced criterion id known.
 *
 * @throws {ValidationError} listing every problem with its path.
 * @example
 * ```ts
 * validateScoringModel({ kind: "weighted-sum", criteria: [{ id: "value", weight: -1 }] });
 * // throws ValidationError: criteria[0].weight: weights must not be negative
 * ```
 */
export function validateScoringModel(model: ScoringModel): ScoringModel {
  resolveModel(model);
  return model;
}

/** @internal */
export function resolveModel(model: ScoringModel): ResolvedModel {
  const parsed = modelSchema.safeParse(model, ZOD_MESSAGES);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, "scoring model");
  const issues: ValidationIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message, code: "custom" });
  const defaultNorm = model.kind === "weighted-sum" ? "min-max" : "none";
  const keys = COMPONENT_KEYS[model.kind] ?? [];
  const specs = [...model.criteria.map((c, i) => ({ c, path: ["criteria", i] })), ...(model.attributes ?? []).map((c, i) => ({ c, path: ["attributes", i] }))];
  const columnOf = new Map<string, number>();
  specs.forEach(({ c, path }, col) => {
    if (columnOf.has(c.id)) add([...path, "id"], `duplicate criterion id ${JSON.stringify(c.id)}`);
    columnOf.set(c.id, col);
    checkSpec(c, path as (string | number)[], add);
    // Options the model would silently ignore: a tie rule without rank normalisation, a weight outside a weighted
    // sum's scored criteria, an anchored scale without absolute normalisation (or against direction cost).
    const norm = c.normalization ?? defaultNorm;
    const attr = col >= model.criteria.length;
    if (c.tieRule !== undefined && (attr || norm !== "rank")) add([...path, "tieRule"], `tieRule needs rank normalisation (not ${attr ? "an attribute" : JSON.stringify(norm)})`);
    if (c.weight !== undefined && (attr || model.kind !== "weighted-sum")) add([...path, "weight"], `weights are for weighted-sum scored criteria (not ${attr ? "an attribute" : model.kind})`);
    // WSJF, RICE and ICE fix each part's direction (the divisor is the cost): a cost direction negated or inverted it.
    if (c.direction === "cost" && !attr && keys[0]) add([...path, "direction"], `not for ${model.kind} criteria`);
    // A divisor normalised to 0 (min-max, rank, z-score, absolute at the scale's minimum) unscored the smallest job.
    if (!attr && c.id === (model as unknown as Record<string, string>)[keys[3]!] && !"none max-ratio vector".includes(norm)) add([...path, "normalization"], `not for ${model.kind} criteria`);
    if (!attr && c.scale?.kind === "anchored") {
      if (norm !== "absolute") add([...path, "normalization"], 'an anchored scale needs normalization "absolute"');
      else if (c.direction === "cost") add([...path, "direction"], "anchors carry the direction: give decreasing scores");
    }
  });
  if (model.kind === "weighted-sum" && !issues.length && !model.criteria.some((c) => +String(c.weight ?? 1))) add(["criteria"], "weights must not all be zero");
  const ref = (value: string, path: (string | number)[]) => columnOf.has(value) || add(path, `unknown criterion ${JSON.stringify(value)}`);
  const scoredIds = new Set(model.criteria.map((c) => c.id));
  const refScored = (value: string, path: (string | number)[]) => scoredIds.has(value) || add(path, `unknown criterion ${JSON.stringify(value)} (not a scored one)`);
  // The WSJF, RICE and ICE components by key, in term order (the fourth is the divisor).
  const named = model as unknown as Record<string, string>;
  for (const k of keys) refScored(named[k]!, [k]);
  if (model.kind === "formula") for (const [c, path] of formulaCriteria(model.formula, ["formula"])) refScored(c, path);
  (model.gates ?? []).forEach((g, i) => {
    if (g.kind !== "moscow") return;
    ref(g.criterionId, ["gates", i, "criterionId"]);
    const spec = specs.find(({ c }) => c.id === g.criterionId)?.c;
    if (spec !== undefined) checkMoscowLabels(g, spec, ["gates", i], add);
  });
  (model.tieBreak ?? []).forEach((t, i) => ref(t.criterionId, ["tieBreak", i, "criterionId"]));
  if (model.riskAdjustment) ref(model.riskAdjustment.criterionId, ["riskAdjustment", "criterionId"]);
  if (issues.length) throw new ValidationError(issues, "scoring model");
  const columns = specs.map(({ c }) => resolveCriterion(c, defaultNorm));
  const col = (k: string) => columnOf.get(k)!;
  const single = (k: string, role: TermDef["role"]): TermDef => ({ id: k, role, criterionIds: [k], col: col(k) });
  // WSJF: three components ÷ job size; RICE: three factors ÷ effort; ICE: factors (product) or components (mean).
  const terms: TermDef[] = model.kind === "weighted-sum" ? model.criteria.map((c) => single(c.id, "weighted"))
    : model.kind === "formula" ? formulaTerms(model.formula)
    : keys.map((k, i) => single(named[k]!, i === 3 ? "divisor" : model.kind === "wsjf" || named.convention === "mean" ? "component" : "factor"));
  if (model.riskAdjustment) terms.push({ id: "risk-adjustment", role: "risk-adjustment", criterionIds: [model.riskAdjustment.criterionId], col: col(model.riskAdjustment.criterionId) });
  return {
    spec: model, name: model.name ?? model.kind, decimals: model.decimals ?? 9, columns, columnOf, scoredCount: model.criteria.length, terms,
    tieBreak: (model.tieBreak ?? []).map((t) => ({ col: col(t.criterionId), desc: t.order !== "asc" })),
    riskCol: model.riskAdjustment ? col(model.riskAdjustment.criterionId) : undefined,
  };
}

/** @internal The WSJF, RICE and ICE models' component keys, in term order (a fourth is the divisor). */
export const COMPONENT_KEYS: Readonly<Record<string, readonly string[]>> = {
  wsjf: ["businessValue", "timeCriticality", "riskReduction", "jobSize"],
  rice: ["reach", "impact", "confidence", "effort"],
  ice: ["impact", "confidence", "ease"],
};

/** @internal Default MoSCoW labels, folded (trimmed, lower-case) as ratings are. */
export const MOSCOW_DEFAULTS = { must: ["must"], wont: ["wont", "won't"] } as const;

/** A label as ratings are matched: trimmed and lower-case. */
export const foldLabel = (label: string): string => label.trim().toLowerCase();

/**
 * A MoSCoW gate reads ordinal labels, so its criterion needs an ordinal scale, and every Must/Won't label it names
 * must be on that scale — a label that is not (a typo, "Must have" against the default "must") would never match and
 * the gate would silently never fire. With the defaults, at least one default label of each class must be on the scale
 * (`wont: []` says the scale has no Won't class).
 */
function checkMoscowLabels(g: Extract<GateSpec, { kind: "moscow" }>, spec: CriterionSpec, path: (string | number)[], add: (p: (string | number)[], m: string) => void): void {
  if (spec.scale?.kind !== "ordinal") return add([...path, "criterionId"], `a MoSCoW gate reads labels: give ${spec.id} an ordinal scale`);
  const onScale = Object.keys(spec.scale.labels).map(foldLabel);
  for (const key of ["must", "wont"] as const) {
    const given = g[key];
    if (given) given.forEach((l, k) => onScale.includes(foldLabel(l)) || add([...path, key, k], `${JSON.stringify(l)} is not a label of ${spec.id}'s scale`));
    else if (!MOSCOW_DEFAULTS[key].some((l) => onScale.includes(l))) add([...path, key], `no default ${key} label (${MOSCOW_DEFAULTS[key].join(", ")}) is on ${spec.id}'s scale (${onScale.join(", ")}): name them${key === "wont" ? ", or [] for none" : ""}`);
  }
  // A label in both lists would be forced out without a word (the Won't test runs second).
  const must = (g.must ?? MOSCOW_DEFAULTS.must).map(foldLabel);
  g.wont?.forEach((l, k) => must.includes(foldLabel(l)) && add([...path, "wont", k], `${JSON.stringify(l)} is a must label too`));
}

function formulaTerms(f: FormulaNode): TermDef[] {
  const parts = "op" in f && (f.op === "add" || f.op === "subtract") ? f.args : [f];
  return parts.map((p, i) => {
    const ids = [...new Set(formulaCriteria(p, []).map(([c]) => c))];
    return { id: ids.length === 1 && "criterion" in p ? ids[0]! : `term-${i + 1}`, role: "term" as const, criterionIds: ids, col: undefined };
  });
}

function checkSpec(c: CriterionSpec, path: (string | number)[], add: (p: (string | number)[], m: string) => void): void {
  const num = (v: DecimalInput) => +String(v);
  if (c.weight !== undefined && num(c.weight) < 0) add([...path, "weight"], "weights must not be negative");
  const s = c.scale;
  if (s?.kind === "numeric" && s.max !== undefined && num(s.min) >= num(s.max)) add([...path, "scale", "max"], "scale max must be greater than min");
  // (Without a scale none of the scale checks below fires, so "needs a scale" keeps its place among the issues.)
  if (c.normalization === "absolute") {
    if (!s) add([...path, "normalization"], "absolute normalisation needs a scale");
    else if (s.kind === "numeric" && s.max === undefined) add([...path, "scale", "max"], "absolute normalisation needs a scale max");
  }
  if (s?.kind === "ordinal") {
    const labels = Object.keys(s.labels);
    if (!labels.length) add([...path, "scale", "labels"], "give at least one label");
    // Ratings are matched trimmed and case-insensitively, so two labels that fold together would silently merge.
    labels.forEach((l, k) => labels.findIndex((o) => foldLabel(o) === foldLabel(l)) < k && add([...path, "scale", "labels", l], `label ${JSON.stringify(l)} repeats an earlier one, ignoring case`));
  }
  if (s?.kind === "anchored" && new Set(s.anchors.map((a) => num(a.value))).size !== s.anchors.length) add([...path, "scale", "anchors"], "anchor values must be distinct");
  if (c.nonPositive !== undefined && c.normalization !== undefined && c.normalization !== "max-ratio") {
    add([...path, "nonPositive"], "nonPositive needs max-ratio normalisation");
  }
  const src = c.source;
  if (src?.kind === "derived") {
    if (src.rate === undefined) {
      if (src.figure === "npv") add([...path, "source", "rate"], "npv needs a discount rate");
    // Exactly rate ≤ −1 (a float reads "-0.99999999999999999999" as −1): negative with a non-zero integer part, and
    // not a small negative number printed with a negative exponent ("-1e-7"). Cheaper in the bundle than a Decimal.
    } else if (/^-0*[1-9](?!.*e-)/.test(String(src.rate))) add([...path, "source", "rate"], "rate must be greater than -1");
  }
}
