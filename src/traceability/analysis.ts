import type { AcknowledgementInput, TraceEntity, TraceItemKind, TraceLinkInput } from "./types.js";
import type { Engine, TraceAnalysisOptions } from "./engine.js";
import { acknowledgementOf, groupAcks, type RequirementAcknowledgement } from "./acknowledgements.js";
import { compileRules } from "./compiled.js";
import { CoverageState, DEEP } from "./coverage.js";
import { DEFAULT_RESULT_OUTCOMES, EvidenceState, statusName, type EvidenceScope, type EvidenceStatus } from "./evidence.js";
import { buildTraceGraph, type TraceGraph } from "./graph.js";
import { EVIDENCE_CHOICES, evidencePolicy, runResultIssue } from "./options.js";
import { ValidationError, checkArguments, checkOptionKeys, type ValidationIssue } from "../core/index.js";
import { ACK_TIMES, ITEM_TIMES, LINK_TIMES, RUN_TIMES, canonicalInstant, canonicalTimes, instantIssue, timeIssues } from "./times.js";
import { requireTraceGraph } from "./guards.js";

export type { TraceAnalysisOptions } from "./engine.js";
import { materialize } from "./lazy-result.js";
import type { TraceAnalysisResult } from "./result.js";
import { typeFieldIssue, type TraceRules, type TraceRulesInput } from "./rules.js";
import { SuspectState } from "./suspects.js";
import type { TraceInput } from "./types.js";

/*
 * The analysis object. It computes everything once, then accepts edits — an item changed, a run recorded, a link
 * added, removed or updated, an acknowledgement given — and updates only what the edit can reach: the shallow status
 * of the items whose incoming links changed and the deep status of everything depending on them; the links into a
 * changed item and the spread of suspicion below it; the freshness of evidence below a changed item and the roll-up
 * above. Structural checks, level percentages and the full listing are assembled on demand by `result()`.
 */

const ANALYSIS_OPTION_KEYS = { evidenceScope: 1, resultOutcomes: 1, people: 1, asOf: 1, evidence: 1 } satisfies Record<keyof TraceAnalysisOptions, 1>;
const SCOPE_KEYS = { softwareVersion: 1, environment: 1 } satisfies Record<keyof EvidenceScope, 1>;

/** @internal Refuses unknown keys in an analysis's options, its `evidence` and its `evidenceScope` (paths `[key]`, `["evidence", key]`, …). */
export function checkAnalysisOptions(subject: string, options: TraceAnalysisOptions): void {
  checkOptionKeys(subject, options, ANALYSIS_OPTION_KEYS);
  checkOptionKeys(subject, options.evidence, EVIDENCE_CHOICES as unknown as Record<string, 1>, ["evidence"]);
  checkOptionKeys(subject, options.evidenceScope, SCOPE_KEYS, ["evidenceScope"]);
}

/** An edit the analysis accepts. */
export type TraceEdit =
  | { readonly type: "item-changed"; readonly kind: TraceItemKind; readonly item: TraceEntity; readonly at?: string }
  | { readonly type: "run-recorded"; readonly run: TraceEntity }
  | { readonly type: "link-added"; readonly link: TraceLinkInput }
  | { readonly type: "link-removed"; readonly linkId: string }
  | { readonly type: "link-updated"; readonly link: TraceLinkInput }
  | { readonly type: "acknowledged"; readonly acknowledgement: AcknowledgementInput };

/** What an edit changed. */
export interface TraceDelta {
  /** Items whose shallow or deep coverage changed, with the new values. */
  readonly coverage: readonly { readonly item: string; readonly shallow: "covered" | "uncovered" | "no-rule"; readonly deep: "covered" | "uncovered" | "cycle" }[];
  /** Items whose rolled-up evidence changed. */
  readonly evidence: readonly { readonly item: string; readonly rolledUp: EvidenceStatus }[];
  /** Changed items whose suspicion spread was recomputed: links now directly / transitively suspect and the blast radius. */
  readonly suspects: readonly { readonly item: string; readonly directLinks: number; readonly transitiveLinks: number; readonly blastRadius: number }[];
  /** Requirements whose acknowledgement status was recomputed. */
  readonly acknowledgements: readonly RequirementAcknowledgement[];
}

/** An analysis that accepts edits. Create with {@link analyzeTraceGraph}. */
export interface TraceAnalysis {
  /** The graph (edits change it). */
  readonly graph: TraceGraph;
  /** Applies one edit and reports what changed. */
  apply(edit: TraceEdit): TraceDelta;
  /** The complete result as of now. */
  result(): TraceAnalysisResult;
  /** Evidence for another version or environment, computed from the current graph. */
  evidenceFor(scope: EvidenceScope): TraceAnalysisResult["evidence"];
}

/**
 * Starts an analysis over a built graph: coverage, structure, suspects, evidence and acknowledgements, kept up to date
 * as edits arrive. The analysis owns the graph from then on (edits change it).
 *
 * @example
 * ```ts
 * const analysis = analyzeTraceGraph(buildTraceGraph(input, DEFAULT_TRACE_RULES));
 * const delta = analysis.apply({ type: "item-changed", kind: "requirement", item: { ...fr101, statement: "…" }, at: "2026-11-21T09:00:00.000Z" });
 * delta.suspects; // [{ item: "requirement:FR-101", directLinks: 3, transitiveLinks: 0, blastRadius: 3 }]
 * ```
 */
export function analyzeTraceGraph(graph: TraceGraph, options: TraceAnalysisOptions = {}): TraceAnalysis {
  requireTraceGraph(graph, "analyzeTraceGraph");
  checkArguments("analyzeTraceGraph", { options: [options, "object"] });
  checkAnalysisOptions("analyzeTraceGraph", options);
  const store = graph.store;
  const c = compileRules(store);
  const policy = evidencePolicy(options, DEFAULT_RESULT_OUTCOMES);
  const asOf = policy.asOf;
  const e: Engine = {
    graph,
    c,
    coverage: new CoverageState(store, c),
    suspects: new SuspectState(store, c, asOf),
    evidence: new EvidenceState(store, c, options.evidenceScope ?? {}, policy),
    acks: groupAcks(graph.acknowledgements, asOf),
    options,
    asOf,
    pending: new Set(),
  };
  e.coverage.computeAll();
  e.suspects.computeAll();
  e.evidence.computeAll();
  return {
    graph,
    apply: (edit) => applyEdit(e, edit),
    result: () => materialize(e),
    evidenceFor(scope) {
      checkOptionKeys("evidenceFor", scope, SCOPE_KEYS);
      const ev = new EvidenceState(store, c, scope, policy);
      ev.computeAll();
      return materialize({ ...e, evidence: ev, pending: new Set() }, { evidenceOnly: true }).evidence;
    },
  };
}

/**
 * Analyses a trace input in one call: builds the graph and returns the complete result.
 *
 * @throws {ValidationError} for malformed input or rules.
 * @example
 * ```ts
 * const r = analyzeTraceability({ requirements, artifacts, testCases, testRuns, links, acknowledgements }, DEFAULT_TRACE_RULES);
 * r.levels.find((l) => l.type === "functional")?.shallowPercent; // { value: Decimal(87.5) }
 * r.evidence.find((x) => x.id === "FR-102")?.rolledUp;          // "NOK"
 * ```
 */
export function analyzeTraceability(input: TraceInput, rules: TraceRules | TraceRulesInput = {}, options: TraceAnalysisOptions = {}): TraceAnalysisResult {
  checkArguments("analyzeTraceability", { input: [input, "object"], rules: [rules, "object"], options: [options, "object"] });
  checkAnalysisOptions("analyzeTraceability", options);
  return analyzeTraceGraph(buildTraceGraph(input, rules), options).result();
}

function applyEdit(e: Engine, edit: TraceEdit): TraceDelta {
  // Results handed out earlier describe the graph before this edit: build what they have not built yet.
  for (const force of e.pending) force();
  e.pending.clear();
  const s = e.graph.store;
  const coverageDirty = new Set<number>();
  const trigger: number[] = [];
  const links: number[] = [];
  const pathDirty: number[] = [];
  const ownDirty: number[] = [];
  const ackDirty = new Set<number>();
  const touchLink = (l: number) => {
    links.push(l);
    const f = s.from[l] as number;
    const t = s.to[l] as number;
    if (t >= 0) {
      coverageDirty.add(t);
      ownDirty.push(t);
    }
    if (f >= 0) pathDirty.push(f);
  };
  const upsert = (kind: TraceItemKind, item: TraceEntity, at: string | undefined) => {
    const before = s.links.length;
    // Implicit links the item had (run → its old test case) are replaced: their old targets must be revisited.
    const existing = s.nodeOf(kind, item.id);
    const replaced = existing === undefined ? [] : [...(s.implicitOf.get(existing) ?? [])];
    // Read only for an item that was there (a new one takes the `added` branch below).
    const oldRevision = s.items[existing as number]?.entity.revision;
    const ch = s.upsert(kind, item, at ?? (typeof item.updatedAt === "string" ? item.updatedAt : undefined), false);
    const v = ch.node;
    coverageDirty.add(v);
    if (ch.added || ch.triggerChanged) trigger.push(v);
    pathDirty.push(v);
    ownDirty.push(v);
    ackDirty.add(v);
    // Implicit links (run → test case, defect → requirement) were replaced, and newly resolved links wired up.
    for (let l = before; l < s.links.length; l++) touchLink(l);
    for (const l of replaced) touchLink(l);
    // A content edit leaves the links as they are (their suspicion follows from the new fingerprint); a new item or
    // a new type changes what its links mean for coverage, parents and suspicion.
    if (ch.added || ch.typeChanged) {
      for (const l of s.inn[v] as number[]) touchLink(l);
      for (const l of s.out[v] as number[]) touchLink(l);
    } else if (item.revision !== oldRevision) {
      // A new revision makes links pinning the old one outdated (they stop covering) and those pinning it current.
      for (const l of s.inn[v] as number[]) touchLink(l);
    }
  };
  const edited = checkedEdit(edit, s.rules);
  switch (edited.type) {
    case "item-changed":
      upsert(edited.kind, edited.item, edited.at);
      break;
    case "run-recorded":
      upsert("test-run", edited.run, undefined);
      break;
    case "link-added":
      touchLink(addLink(e, edited.link));
      break;
    case "link-removed":
      for (const l of [...s.liveLinks(edited.linkId)]) {
        s.removeLink(l);
        touchLink(l);
      }
      break;
    case "link-updated":
      for (const l of [...s.liveLinks(edited.link.id)]) {
        s.removeLink(l);
        touchLink(l);
      }
      touchLink(addLink(e, edited.link));
      break;
    case "acknowledged": {
      const a = edited.acknowledgement;
      // The requirement of the acknowledgement it replaces (it may name another one) changes too: keep it in `touched`.
      const touched = [a];
      const list = e.graph.acknowledgements.filter((x) => x.id !== a.id || !touched.push(x));
      list.push(a);
      e.graph.acknowledgements = list;
      e.acks.clear();
      for (const [k, v] of groupAcks(list, e.asOf)) e.acks.set(k, v);
      for (const x of touched) {
        const v = s.nodeOf("requirement", x.requirementId);
        if (v !== undefined) ackDirty.add(v);
      }
      break;
    }
  }
  const cov = e.coverage.update(coverageDirty, links);
  const origins = e.suspects.update(trigger, links);
  const ev = e.evidence.update(pathDirty, ownDirty);
  const key = (v: number) => s.items[v]!.key;
  return {
    coverage: cov.map((v) => ({
      item: key(v),
      shallow: e.coverage.shallow[v] === -1 ? "no-rule" : e.coverage.shallow[v] === 1 ? "covered" : "uncovered",
      deep: DEEP[e.coverage.deep[v] as number] ?? "covered",
    })),
    evidence: ev.map((v) => ({ item: key(v), rolledUp: statusName(e.evidence.rolled[v] as number) })),
    suspects: origins.map((v) => {
      const sp = e.suspects.spreads.get(v);
      return { item: key(v), directLinks: sp?.direct.length ?? 0, transitiveLinks: sp?.transitive.size ?? 0, blastRadius: sp?.reached.size ?? 0 };
    }),
    acknowledgements: [...ackDirty].map((v) => acknowledgementOf(s, v, e.acks, e.asOf)).filter((x): x is RequirementAcknowledgement => x !== undefined),
  };
}

/**
 * The edit with its run result and times checked, and its times in canonical form (see times.ts): a ValidationError
 * before anything changes, so a refused edit leaves the analysis as it was.
 */
function checkedEdit(edit: TraceEdit, rules: TraceRules): TraceEdit {
  const issues: ValidationIssue[] = [];
  // Each check's issue, when it has one.
  const put = (...found: (ValidationIssue | undefined)[]) => found.forEach((i) => i && issues.push(i));
  const t = edit.type;
  const item = t === "item-changed";
  // The edit's record and its instant fields (a link removal has none).
  const field = item ? "item" : t === "run-recorded" ? "run" : t === "acknowledged" ? "acknowledgement" : t === "link-added" || t === "link-updated" ? "link" : undefined;
  if (field === undefined) return edit;
  const record = (edit as unknown as Record<string, TraceEntity>)[field] as TraceEntity;
  const times = field === "link" ? LINK_TIMES : field === "acknowledgement" ? ACK_TIMES : field === "run" || (item && edit.kind === "test-run") ? RUN_TIMES : ITEM_TIMES;
  if (item) put(typeFieldIssue(rules, edit.kind, record, ["item"]));
  if (times === RUN_TIMES) put(runResultIssue(record, [field]));
  put(...timeIssues(record, times, [field], field === "acknowledgement"), item ? instantIssue(edit.at, ["at"]) : undefined);
  if (issues.length > 0) throw new ValidationError(issues, "trace edit");
  const at = item ? canonicalInstant(edit.at) : undefined;
  return { ...edit, [field]: canonicalTimes(record, times), ...(at !== undefined ? { at } : {}) };
}

function addLink(e: Engine, l: TraceLinkInput): number {
  return e.graph.store.addLink(l.id, l.from.kind, l.from.id, l.to.kind, l.to.id, l.linkType, l);
}
