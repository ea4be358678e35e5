import type { z } from "zod";
import type { testResultSchema } from "../entities/index.js";
import { F_EVIDENCE, F_EXECUTES, F_PARENT, linkFlags, type Compiled } from "./compiled.js";
import type { EvidencePolicy, RunOutcome } from "./options.js";
import { pinsOtherRevision } from "./revisions.js";
import { components, membersOf, reach, type Components, type Successors } from "./scc.js";
import type { TraceStore } from "./store.js";
import { after } from "./times.js";

/*
 * Test evidence (Xray's requirement statuses) from each test case's latest run in scope, plus STALE: a pass recorded
 * before the last content change of the test case, the requirement, or anything above the requirement (its parents,
 * their parents…) does not count as OK. Roll-up: a parent's status combines its own tests with its children's
 * rolled-up statuses; children without any evidence (UNCOVERED) do not dilute it. A test linked to another revision
 * than the item's current one (OFT's outdated or predated link) gives no evidence, nor does an inactive test case or
 * requirement (the rules' `inactive` statuses); a parent link pinning another revision is no parent link: nothing
 * rolls up through it and no change flows down through it.
 */

/**
 * Evidence statuses, worst first: NOK (a test failed), NOT RUN (a test not run, blocked or aborted, none failed),
 * UNKNOWN (a result that says nothing, none failed), STALE (only passes, some not newer than a content change), OK (all
 * passed and fresh), UNCOVERED (no tests).
 *
 * @example
 * ```ts
 * EVIDENCE_STATUSES[0]; // "NOK"
 * ```
 */
export const EVIDENCE_STATUSES = ["NOK", "NOT RUN", "UNKNOWN", "STALE", "OK", "UNCOVERED"] as const;

/** One evidence status. */
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

export type { RunOutcome } from "./options.js";

/**
 * Default mapping of test results to outcomes — one entry for each result the `TestRun` schema accepts, no more: Xray
 * counts ABORTED and TODO as NOT RUN, so `blocked` is NOT RUN; a `skipped` run says nothing about the requirement, so
 * it is UNKNOWN.
 *
 * @example
 * ```ts
 * DEFAULT_RESULT_OUTCOMES.blocked; // "not-run"
 * ```
 */
export const DEFAULT_RESULT_OUTCOMES: Readonly<Record<TestRunResult, RunOutcome>> = Object.freeze({
  passed: "pass",
  failed: "fail",
  blocked: "not-run",
  skipped: "unknown",
});

/** A result the `TestRun` schema accepts. */
export type TestRunResult = z.output<typeof testResultSchema>;

/** Which runs count: one software version and/or environment (all when omitted). */
export interface EvidenceScope {
  /** Only runs of this build. */
  readonly softwareVersion?: string;
  /** Only runs in this environment. */
  readonly environment?: string;
}

const OUTCOME_STATUS: Record<RunOutcome, number> = { fail: 0, "not-run": 1, unknown: 2, pass: 4 };
export const UNCOVERED = 5;
const STALE = 3;

type RunFields = { executedAt?: string; environment?: string; softwareVersion?: string; result?: string };

export class EvidenceState {
  /** Newest content change on the path from the item up (ISO instant, "" if none known). */
  readonly pathChangedAt: string[] = [];
  readonly own: number[] = [];
  readonly rolled: number[] = [];

  constructor(
    private readonly store: TraceStore,
    private readonly c: Compiled,
    private readonly scope: EvidenceScope,
    readonly policy: EvidencePolicy,
  ) {}

  /** Latest run in scope per test case (-2 = not known yet); forgotten on every update. */
  private latest = new Int32Array(0);
  /** With `worst-per-environment`: the latest run per environment, environments in order; forgotten on every update. */
  private perEnvironment = new Map<number, number[]>();

  private has(l: number, flag: number): boolean {
    return ((linkFlags(this.store, this.c)[l] as number) & flag) !== 0;
  }

  /**
   * Whether `l` is a parent link between active items: an inactive child (rejected, obsolete) rolls nothing up, an
   * inactive parent passes no change down (retiring it stales no child's pass), and a link pinning another revision
   * than its parent's (OFT's outdated / predated) covers nothing, so it carries neither.
   */
  private parentLink(l: number): boolean {
    const s = this.store;
    return this.has(l, F_PARENT) && s.items[s.from[l] as number]?.inactive === undefined && s.items[s.to[l] as number]?.inactive === undefined && !pinsOtherRevision(s, l);
  }

  /** The reverse of children() (the two graphs share their components). */
  private parents(): Successors {
    const s = this.store;
    return { adj: s.out, next: (l) => (this.parentLink(l) ? (s.to[l] as number) : -1) };
  }

  children(): Successors {
    const s = this.store;
    return { adj: s.inn, next: (l) => (this.parentLink(l) ? (s.from[l] as number) : -1) };
  }

  /** When item `v`'s content last changed, as of `asOf` (a change after it has not happened yet: ""). */
  private changedAtOf(v: number): string {
    const at = this.store.items[v]!.changedAt ?? "";
    return after(at, this.policy.asOf) ? "" : at;
  }

  /** The latest run of test case `tc` in scope over every environment, or -1. */
  private latestRun(tc: number): number {
    if (tc < this.latest.length) {
      const known = this.latest[tc] as number;
      if (known !== -2) return known;
    }
    const best = this.pick(tc, undefined);
    if (tc < this.latest.length) this.latest[tc] = best;
    return best;
  }

  /** The runs that decide test case `tc`'s status: its latest run, or its latest run per environment. */
  runsOf(tc: number): readonly number[] {
    if (this.policy.environments === "latest") {
      const r = this.latestRun(tc);
      return r < 0 ? [] : [r];
    }
    let runs = this.perEnvironment.get(tc);
    if (runs === undefined) {
      const envs = new Set<string>();
      for (const l of this.store.inn[tc] as number[]) {
        if (!this.has(l, F_EXECUTES)) continue;
        const e = this.store.items[this.store.from[l] as number]!.entity as RunFields;
        if (this.inScope(e)) envs.add(e.environment ?? "");
      }
      runs = [...envs].sort().map((env) => this.pick(tc, env));
      this.perEnvironment.set(tc, runs);
    }
    return runs;
  }

  private forgetLatest(): void {
    const n = this.store.items.length;
    if (this.latest.length !== n) this.latest = new Int32Array(n);
    this.latest.fill(-2);
    this.perEnvironment.clear();
  }

  private inScope(e: RunFields): boolean {
    if (this.scope.environment !== undefined && e.environment !== this.scope.environment) return false;
    if (this.scope.softwareVersion !== undefined && e.softwareVersion !== this.scope.softwareVersion) return false;
    // A run executed after the as-of instant had not happened yet.
    return !after(e.executedAt, this.policy.asOf);
  }

  /**
   * The latest run of `tc` in scope (in `environment` when given). Runs at the same `executedAt` are ordered by
   * their outcome, the worse one counting as the later (a failure stamped at the same instant as a pass is never
   * hidden by it), then by the greater run id, so the choice never depends on input order. With
   * `finalBeatsNotRun`, a not-run result is chosen only when the test has no run with another result.
   */
  private pick(tc: number, environment: string | undefined): number {
    const s = this.store;
    const preferFinal = this.policy.finalBeatsNotRun;
    type Best = { run: number; at: string; rank: number; id: string };
    const none: Best = { run: -1, at: "", rank: 0, id: "" };
    let best = none;
    let fin = none;
    const later = (c: Best, b: Best) => b.run < 0 || c.at > b.at || (c.at === b.at && (c.rank < b.rank || (c.rank === b.rank && c.id > b.id)));
    for (const l of s.inn[tc] as number[]) {
      if (!this.has(l, F_EXECUTES)) continue;
      const r = s.from[l] as number;
      const e = s.items[r]!.entity as RunFields;
      if (!this.inScope(e)) continue;
      if (environment !== undefined && (e.environment ?? "") !== environment) continue;
      const outcome = this.outcomeOf(e);
      const c: Best = { run: r, at: e.executedAt as string, rank: OUTCOME_STATUS[outcome], id: s.items[r]!.id };
      if (later(c, best)) best = c;
      if (preferFinal && outcome !== "not-run" && later(c, fin)) fin = c;
    }
    return preferFinal && fin.run >= 0 ? fin.run : best.run;
  }

  private outcomeOf(e: RunFields): RunOutcome {
    // A run's result is checked where it enters (one the TestRun schema accepts) and every one has an outcome.
    return this.policy.outcomes[e.result as string] as RunOutcome;
  }

  /** Status code of run `run` of test case `tc` for item `v`: its outcome, or STALE for a pass older than a change. */
  runStatus(run: number, tc: number, v: number): number {
    const e = this.store.items[run]!.entity as RunFields;
    const outcome = this.outcomeOf(e);
    if (outcome !== "pass") return OUTCOME_STATUS[outcome];
    // A pass counts only if it ran after every change on its path: at the same instant as one it is STALE.
    const at = e.executedAt as string;
    const tcAt = this.changedAtOf(tc);
    const pathAt = this.pathChangedAt[v] ?? "";
    return (tcAt !== "" && at <= tcAt) || (pathAt !== "" && at <= pathAt) ? STALE : OUTCOME_STATUS.pass;
  }

  /** Status code of one test case verifying item `v`: the worst of its deciding runs (its deciding run's), NOT RUN without any. */
  testStatus(tc: number, v: number): number {
    const run = this.decidingRun(tc, v);
    return run < 0 ? OUTCOME_STATUS["not-run"] : this.runStatus(run, tc, v);
  }

  /** The run that decides test case `tc`'s status for item `v` (its worst environment's run), or -1. */
  decidingRun(tc: number, v: number): number {
    if (this.policy.environments === "latest") return this.latestRun(tc);
    const runs = this.runsOf(tc);
    let pick = -1;
    let worst = UNCOVERED + 1;
    for (const r of runs) {
      const st = this.runStatus(r, tc, v);
      if (st < worst) {
        worst = st;
        pick = r;
      }
    }
    return pick;
  }

  /** Test cases verifying `v` (distinct). */
  testsOf(v: number): number[] {
    const out: number[] = [];
    for (const l of this.store.inn[v] as number[]) {
      const f = this.testOf(l);
      if (f >= 0 && !out.includes(f)) out.push(f);
    }
    return out;
  }

  /**
   * The test case evidence link `l` brings, or -1. A retired (deprecated) test case is no evidence; a link pinning
   * another revision than the item's is void (OFT): its test says nothing about this revision.
   */
  private testOf(l: number): number {
    const s = this.store;
    const f = s.from[l] as number;
    return !this.has(l, F_EVIDENCE) || pinsOtherRevision(s, l) || f < 0 || s.items[f]!.kind !== "test-case" || s.items[f]!.inactive !== undefined ? -1 : f;
  }

  ownOf(v: number): number {
    const s = this.store;
    const inn = s.inn[v] as number[];
    let worst = UNCOVERED;
    if (s.items[v]!.inactive !== undefined) return worst;
    // A test case linked twice counts once; taking the minimum twice gives the same answer, so no dedup is needed.
    for (let k = 0; k < inn.length; k++) {
      const f = this.testOf(inn[k] as number);
      if (f < 0) continue;
      const st = this.testStatus(f, v);
      if (st < worst) worst = st;
    }
    return worst;
  }

  computeAll(): void {
    const n = this.store.items.length;
    this.forgetLatest();
    // The child → parent graph and its reverse have the same components, in opposite orders: one Tarjan run
    // serves both folds (path changes flow down from parents, the roll-up flows up from children).
    const cs = this.foldPath(null, false);
    for (let v = 0; v < n; v++) this.own[v] = this.ownOf(v);
    this.rollComponents(cs, true);
  }

  /**
   * Updates after content changes at `pathDirty` (their changedAt moved, or their parent links changed) and test
   * evidence changes at `ownDirty` (a run recorded, an evidence link added or removed). Returns nodes whose rolled-up
   * status changed.
   */
  update(pathDirty: Iterable<number>, ownDirty: Iterable<number>): number[] {
    const s = this.store;
    const n = s.items.length;
    while (this.own.length < n) {
      this.own.push(UNCOVERED);
      this.rolled.push(UNCOVERED);
      this.pathChangedAt.push("");
    }
    this.forgetLatest();
    const below = reach(n, pathDirty, this.children()).nodes;
    this.foldPath(below, true);
    const ownSeeds = new Set<number>(below);
    for (const v of ownDirty) ownSeeds.add(v);
    // A changed test case changes the own status of everything it verifies.
    for (const v of [...ownSeeds]) {
      if (s.items[v]!.kind !== "test-case") continue;
      for (const l of s.out[v] as number[]) {
        if (this.has(l, F_EVIDENCE)) ownSeeds.add(s.to[l] as number);
      }
    }
    for (const v of ownSeeds) this.own[v] = this.ownOf(v);
    const above = reach(n, ownSeeds, this.parents()).nodes;
    const before = above.map((v) => this.rolled[v]);
    this.foldRoll(above, true);
    return above.filter((v, i) => this.rolled[v] !== before[i]);
  }

  private foldPath(starts: readonly number[] | null, confine: boolean): Components {
    const s = this.store;
    const par = this.parents();
    const cs = components(s.items.length, starts, par, confine);
    const path = this.pathChangedAt;
    for (let ci = 0; ci < cs.count; ci++) {
      const comp = membersOf(cs, ci);
      let max = "";
      const inComp = comp.length > 1 ? cs.compOf : undefined;
      for (let k = 0; k < comp.length; k++) {
        const v = comp[k] as number;
        const own = this.changedAtOf(v);
        if (own > max) max = own;
        if (s.items[v]!.inactive !== undefined) continue;
        const out = s.out[v] as number[];
        for (let j = 0; j < out.length; j++) {
          const l = out[j] as number;
          if (!this.parentLink(l)) continue;
          const p = s.to[l] as number;
          if (p >= 0 && p !== v && (inComp === undefined || inComp[p] !== ci) && (path[p] ?? "") > max) max = path[p] as string;
        }
      }
      for (let k = 0; k < comp.length; k++) path[comp[k] as number] = max;
    }
    return cs;
  }

  private foldRoll(starts: readonly number[], confine: boolean): void {
    this.rollComponents(components(this.store.items.length, starts, this.children(), confine), false);
  }

  /** Rolls evidence up over components given children first (or, with `reversed`, parents first). */
  private rollComponents(cs: Components, reversed: boolean): void {
    const s = this.store;
    const rolled = this.rolled;
    for (let i = 0; i < cs.count; i++) {
      const ci = reversed ? cs.count - 1 - i : i;
      const comp = membersOf(cs, ci);
      let worst = UNCOVERED;
      const inComp = comp.length > 1 ? cs.compOf : undefined;
      for (let k = 0; k < comp.length; k++) {
        const v = comp[k] as number;
        const o = this.own[v] as number;
        if (o < worst) worst = o;
        const inn = s.inn[v] as number[];
        for (let j = 0; j < inn.length; j++) {
          const l = inn[j] as number;
          const c = s.from[l] as number;
          if (c >= 0 && c !== v && this.parentLink(l) && (inComp === undefined || inComp[c] !== ci) && (rolled[c] as number) < worst) worst = rolled[c] as number;
        }
      }
      for (let k = 0; k < comp.length; k++) rolled[comp[k] as number] = worst;
    }
  }
}


/** The status name of a code. */
export function statusName(code: number): EvidenceStatus {
  return EVIDENCE_STATUSES[code] as EvidenceStatus;
}
