import { checkArguments, decimal, money, sumMoney, type IsoDate, type Money } from "../core/index.js";
import { isOpenRequest, type ProjectRequest } from "../entities/index.js";
import type { ImportedRecords } from "../io/index.js";
import { scoreRequests, type Scoreboard, type ScoringModel } from "../prioritization/index.js";
import { selectPortfolio, type PortfolioSelection, type SelectionProblemInput, type SelectionSolver } from "../selection/index.js";

export { isOpenRequest };

/** The planning envelope the intake is selected under (the sample data has none: these are the run's assumptions). */
export interface IntakeEnvelope {
  /** The fiscal period selected for (`FY2027`): only cost and effort lines with this `period` label count. */
  readonly period: string;
  /** Budget for new work in that period. */
  readonly budget: Money;
  /** Hours available per skill in that period. */
  readonly capacity: Readonly<Record<string, string>>;
}

/**
 * The default envelope of the demo: EUR 1,000,000 and 1,600 integration hours of FY2027 for new requests.
 *
 * @example
 * ```ts
 * analyzeOffice(records, { statusDate: "2026-11-20", envelope: { ...DEMO_ENVELOPE, budget: money("800000.00", "EUR") } });
 * ```
 */
export const DEMO_ENVELOPE: IntakeEnvelope = { period: "FY2027", budget: money("1000000.00", "EUR"), capacity: { integration: "1600" } };

/**
 * The weighted-sum intake model over the sample's five criteria (docs/prioritization.md): ratings 1–5 on an
 * absolute scale, complexity a cost; mandatory requests first; urgency breaks ties. `pmokit model --print` writes it
 * as JSON, to copy and adapt for `--model`.
 *
 * @example
 * ```ts
 * scoreRequests(sampleOfficeRecords().request, INTAKE_MODEL, { asOf: "2026-11-20" }).entries[0]?.requestId; // "REQ-2026-003"
 * ```
 */
export const INTAKE_MODEL: ScoringModel = {
  kind: "weighted-sum",
  name: "pmokit built-in intake model",
  criteria: [
    { id: "strategic-fit", weight: 3, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" },
    { id: "financial-value", weight: 3, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" },
    { id: "risk-reduction", weight: 2, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" },
    { id: "urgency", weight: 2, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" },
    { id: "complexity", weight: 1, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute", direction: "cost" },
  ],
  gates: [{ kind: "mandatory" }],
  tieBreak: [{ criterionId: "urgency" }],
};

/**
 * The selection problem of the intake: open, scored (or mandatory) requests, their costs and hours in the period.
 * Give every request, not only the open ones: a dependency on a converted request is met, one on another candidate
 * is a `requires` constraint, and one on a draft, rejected or unscored request (or an id not given) forces the
 * dependant out, with that reason.
 *
 * @example
 * ```ts
 * const problem = intakeProblem(requests, scoreboard, DEMO_ENVELOPE);
 * ```
 */
export function intakeProblem(requests: readonly ProjectRequest[], board: Scoreboard, envelope: IntakeEnvelope): SelectionProblemInput {
  checkArguments("intakeProblem", { requests: [requests, "object[]"], board: [board, "object"], envelope: [envelope, "object"] });
  const entry = new Map(board.entries.map((e) => [e.requestId, e] as const));
  const open = requests.filter(isOpenRequest);
  const candidates = open.filter((r) => entry.get(r.id)?.score.value !== undefined || r.mandatory !== undefined);
  const ids = new Set(candidates.map((r) => r.id));
  const status = new Map(requests.map((r) => [r.id, r.status] as const));
  const skills = new Set(Object.keys(envelope.capacity));
  return {
    periods: [envelope.period],
    candidates: candidates.map((r) => {
      const inPeriod = r.estimatedCost.filter((c) => c.period === envelope.period).map((c) => c.amount);
      // A Map, not a plain object: a skill named "constructor" or "__proto__" is an ordinary key.
      const hours = new Map<string, string>();
      for (const e of r.effort.filter((x) => x.period === envelope.period && skills.has(x.skill))) hours.set(e.skill, decimal(hours.get(e.skill) ?? 0).plus(e.hours).toFixed());
      // Value in score points (score × 100); a mandatory request without a score is worth 0 but forced in.
      const score = entry.get(r.id)?.score.value;
      return {
        id: r.id,
        name: r.title,
        value: score === undefined ? 0 : score.times(100).toFixed(),
        costs: { [envelope.period]: inPeriod.length > 0 ? sumMoney(inPeriod) : money("0", envelope.budget.currency) },
        demand: { [envelope.period]: Object.fromEntries(hours) },
      };
    }),
    budgets: { [envelope.period]: envelope.budget },
    capacity: { [envelope.period]: envelope.capacity },
    // A dependency on a request already converted to a project is met; one on another candidate is a `requires`
    // constraint; any other (a draft, a rejected or unscored request, an id not given) cannot be met in this
    // selection, so the dependant is forced out with that reason rather than selected without its prerequisite.
    constraints: [
      ...candidates.flatMap((r) => r.dependsOn.filter((d) => ids.has(d)).map((d) => ({ kind: "requires" as const, candidate: r.id, requires: d }))),
      ...candidates.flatMap((r) => {
        const unmet = r.dependsOn.filter((d) => !ids.has(d) && status.get(d) !== "converted");
        return unmet.length === 0 ? [] : [{ kind: "forced-out" as const, candidate: r.id, reason: `it depends on ${unmet.map((d) => `${d} (${unmetWhy(status.get(d))})`).join(", ")}` }];
      }),
      ...candidates.filter((r) => r.mandatory !== undefined).map((r) => ({ kind: "forced-in" as const, candidate: r.id, reason: r.mandatory!.reason })),
    ],
  };
}

/** Why a dependency cannot be met by this selection, from the depended-on request's status. */
function unmetWhy(status: string | undefined): string {
  if (status === undefined) return "not among the requests given";
  return isOpenRequest({ status: status as ProjectRequest["status"] }) ? `${status}, not scored: not a candidate` : status;
}

/** The intake scored: the open requests (see `isOpenRequest`) and their ranked scoreboard. */
export interface IntakeScore {
  readonly requests: readonly ProjectRequest[];
  readonly scoreboard: Scoreboard;
  /**
   * The requests that are not open (draft, rejected, converted), read only for the open ones' dependencies: one on a
   * converted request is met, one on a draft or rejected request forces the dependant out of the selection.
   */
  readonly others: readonly ProjectRequest[];
}

/** The intake selected under an envelope: the problem, the solver's result and the envelope. */
export interface IntakeSelection {
  readonly problem: SelectionProblemInput;
  readonly result: PortfolioSelection;
  readonly envelope: IntakeEnvelope;
}

/**
 * Scores and ranks the open requests (see `isOpenRequest`: submitted, in review, approved or deferred) with a model
 * (default {@link INTAKE_MODEL}) at the status date. Requests already converted to projects, rejected or still in
 * draft are not ranked: the ranking is the queue a portfolio decision is taken on, the same one the PMO service ranks.
 *
 * @example
 * ```ts
 * scoreIntake(records, "2026-11-20").scoreboard.entries[0]!.requestId; // "REQ-2027-003" (mandatory: forced in)
 * ```
 */
export function scoreIntake(records: ImportedRecords, asOf: IsoDate, model: ScoringModel = INTAKE_MODEL): IntakeScore {
  const all = (records.request ?? []) as readonly ProjectRequest[];
  const requests = all.filter(isOpenRequest);
  return { requests, scoreboard: scoreRequests(requests, model, { asOf }), others: all.filter((r) => !isOpenRequest(r)) };
}

/**
 * Selects the portfolio among the scored requests under the envelope, proven optimal (gap 0, 5 s limit).
 *
 * @example
 * ```ts
 * (await selectIntake(scoreIntake(records, "2026-11-20"), DEMO_ENVELOPE)).result.selected; // ["REQ-2027-002", …]
 * ```
 */
export async function selectIntake(intake: IntakeScore, envelope: IntakeEnvelope, solver?: SelectionSolver): Promise<IntakeSelection> {
  const problem = intakeProblem([...intake.requests, ...intake.others], intake.scoreboard, envelope);
  const result = await selectPortfolio(problem, { gap: 0, timeLimitMs: 5_000, ...(solver ? { solver } : {}) });
  return { problem, result, envelope };
}
