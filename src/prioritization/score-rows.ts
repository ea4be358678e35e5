import * as z from "zod";
import { ZOD_MESSAGES } from "../core/codecs/decode.js";
import { PmoDecimal, ValidationError, checkOptionKeys, decimalInputSchema, type DecimalInput, type ValidationIssue } from "../core/index.js";
import type { ProjectRequest } from "../entities/index.js";
import type { ScoringModel } from "./model.js";
import type { RefusedRequest, Scoreboard } from "./results.js";
import { SCORE_OPTION_KEYS, scoreRequests, type ScoreOptions } from "./score-requests.js";

/** One request as a plain row: its id, its ratings by criterion id, and whether it is mandatory. */
export interface RatingRow {
  /** The request's id (unique in the batch). */
  readonly id: string;
  /** Ratings by criterion id: a decimal (exact string or number) or an ordinal `{ label }`. */
  readonly ratings: Readonly<Record<string, DecimalInput | { readonly label: string }>>;
  /** Regulatory or otherwise mandatory (used by the `mandatory` gate, with the reason `"mandatory"`). Default false. */
  readonly mandatory?: boolean;
}

const criterionKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, { message: "criterion ids start with a letter or digit" }).max(128);
const rowSchema = z.strictObject({
  id: z.string().min(1).max(128),
  ratings: z.record(criterionKey, z.union([decimalInputSchema, z.strictObject({ label: z.string().trim().min(1).max(100) })])),
  mandatory: z.boolean().optional(),
});

/**
 * Scores plain rows — an id and ratings by criterion id — with the same model, rules, explanations and options as
 * {@link scoreRequests}, without building project request entities. Figures derived from a request's money (NPV,
 * total cost …) are not available from rows: a model that needs them leaves the rows unscored with
 * `missing-rating`. Error paths point into the rows (`rows[2].ratings.confidence`).
 *
 * @throws {ValidationError} for a malformed row, a bad model or bad values (all problems in one error), unless
 * `onInvalid: "refuse"`.
 * @example
 * ```ts
 * const board = scoreRows(
 *   [
 *     { id: "CRM", ratings: { value: 8, effort: "3" } },
 *     { id: "WMS", ratings: { value: 5, effort: "1" } },
 *   ],
 *   { kind: "weighted-sum", criteria: [{ id: "value", weight: 2 }, { id: "effort", direction: "cost" }] },
 *   { asOf: "2026-11-20" },
 * );
 * board.entries.map((e) => e.requestId); // ["CRM", "WMS"]: value weighs twice effort
 * ```
 */
export function scoreRows(rows: readonly RatingRow[], model: ScoringModel, options: ScoreOptions): Scoreboard {
  if (!Array.isArray(rows)) throw ValidationError.single(["rows"], "expected an array of rows", "scoring rows");
  checkOptionKeys("scoreRows", options, SCORE_OPTION_KEYS, ["options"]);
  const issues: ValidationIssue[] = [];
  const parsed = rows.map((row, i) => {
    const r = rowSchema.safeParse(row, ZOD_MESSAGES);
    if (!r.success) {
      for (const issue of r.error.issues) issues.push({ path: ["rows", i, ...(issue.path as (string | number)[])], message: issue.message, code: issue.code });
      return undefined;
    }
    return r.data;
  });
  if (issues.length > 0) throw new ValidationError(issues, "scoring rows");
  const keys = parsed.map((p) => Object.keys(p!.ratings));
  const requests = parsed.map((p) => ({
    id: p!.id,
    // The request form marks a mandatory request with `{ reason }` and leaves the field out otherwise.
    ...(p!.mandatory === true ? { mandatory: { reason: "mandatory" } } : {}),
    ratings: Object.entries(p!.ratings).map(([criterionId, v]) =>
      PmoDecimal.isDecimal(v) ? { criterionId, value: v } : { criterionId, label: (v as { label: string }).label },
    ),
    benefits: [], estimatedCost: [], effort: [], dependsOn: [], strategicObjectiveIds: [], transitions: [],
  })) as unknown as ProjectRequest[];
  // Paths from the request form (requests[i].ratings[k].value) are turned back into the rows' own form.
  const toRowPath = (path: readonly PropertyKey[]): (string | number)[] => {
    const [head, i, ratings, k] = path;
    if (head !== "requests" || typeof i !== "number") return path as (string | number)[];
    if (ratings === "ratings" && typeof k === "number") return ["rows", i, "ratings", keys[i]![k]!];
    return ["rows", i, ...(path.slice(2) as (string | number)[])];
  };
  const remap = (list: readonly ValidationIssue[]) => list.map((x) => ({ ...x, path: toRowPath(x.path) }));
  try {
    const board = scoreRequests(requests, model, options);
    const refused: RefusedRequest[] = board.refused.map((r) => ({ ...r, issues: remap(r.issues) }));
    return { ...board, refused };
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(remap(e.issues), e.subject ?? "scoring rows");
    throw e;
  }
}
