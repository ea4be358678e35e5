import type { AcknowledgementInput, TraceEntity, TraceItemKind, TraceLinkInput } from "./types.js";
import type { Engine, TraceAnalysisOptions } from "./engine.js";
import { acknowledgementOf, groupAcks, type RequirementAcknowledgement } from "./acknowledgements.js";
import { compileRules } from "./compiled.js";
import { CoverageState, DEEP } from "./coverage.js";
import { DEFAULT_RESULT_OUTCOMES, EvidenceState, statusName, type EvidenceScope, type EvidenceStatus } from "./evidence.js";
import { KINDS, buildTraceGraph, inputIssues, type TraceGraph } from "./graph.js";
import { EVIDENCE_CHOICES, evidencePolicy } from "./options.js";
import { ValidationError, checkArguments, checkOptionKeys, type ValidationIssue } from "../core/index.js";
import { ACK_TIMES, ITEM_TIMES, LINK_TIMES, RUN_TIMES, canonicalInstant, canonicalTimes } from "./times.js";
import { requireTraceGraph } from "./guards.js";

export type { TraceAnalysisOptions } from "./engine.js";
import { materialize } from "./lazy-result.js";
import type { TraceAnalysisResult } from "./result.js";
import type { TraceRules, TraceRulesInput } from "./rules.js";
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
    // updatedAt is checked (an instant or absent) and canonical (checkedEdit).
    const ch = s.upsert(kind, item, at ?? (item.updatedAt as string | undefined), false);
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

/** Per edit type, the field holding its record (an `item-changed` edit also has `kind` and `at`). */
const LISTS: Record<string, keyof TraceInput> = { run: "testRuns", link: "links", acknowledgement: "acknowledgements" };
const EDITS: Record<string, string> = { "item-changed": "item", "run-recorded": "run", "link-added": "link", "link-updated": "link", "link-removed": "linkId", acknowledged: "acknowledgement" };

/**
 * The edit checked as a graph build checks its input — its type and keys, the item's kind, the record's id, ends,
 * link type, run result, times and type fields, at the paths of the edit (`["item", "type"]`, `["link", "from",
 * "kind"]`) — with its times in canonical form (see times.ts): a ValidationError before anything changes, so a refused
 * edit leaves the analysis as it was. Before, an unknown edit type changed nothing without a word, a misspelt kind or a
 * link without ends was a TypeError midway, and a record without an id became the item `requirement:undefined`.
 */
function checkedEdit(edit: TraceEdit, rules: TraceRules): TraceEdit {
  const t = edit?.type;
  const field = Object.hasOwn(EDITS, t) ? EDITS[t] : undefined;
  if (field === undefined) throw ValidationError.single(["type"], `expected one of ${Object.keys(EDITS).join(", ")}`, "trace edit");
  const item = t === "item-changed";
  checkOptionKeys("apply", edit, item ? { type: 1, kind: 1, item: 1, at: 1 } : { type: 1, [field]: 1 });
  if (field === "linkId") return edit;
  const record = (edit as unknown as Record<string, TraceEntity>)[field] as TraceEntity;
  // The record as the one entry of the input list a build would read it from (an item's `at` as its changedAt); the
  // issues' paths start at the edit's field.
  const list = item ? KINDS.find((k) => k[1] === edit.kind)?.[0] : LISTS[field];
  if (list === undefined) throw ValidationError.single(["kind"], "expected requirement, artifact, test-case, test-run or defect", "trace edit");
  const issues = inputIssues({ [list]: [record], ...(item ? { changedAt: { at: edit.at as string } } : {}) }, rules);
  if (issues.length > 0) throw new ValidationError(issues.map((i) => ({ ...i, path: i.path[0] === "changedAt" ? ["at"] : [field, ...i.path.slice(2)] })), "trace edit");
  const times = field === "link" ? LINK_TIMES : field === "acknowledgement" ? ACK_TIMES : list === "testRuns" ? RUN_TIMES : ITEM_TIMES;
  return { ...edit, [field]: canonicalTimes(record, times), ...(item && edit.at !== undefined ? { at: canonicalInstant(edit.at) as string } : {}) };
}

function addLink(e: Engine, l: TraceLinkInput): number {
  return e.graph.store.addLink(l.id, l.from.kind, l.from.id, l.to.kind, l.to.id, l.linkType, l);
}
