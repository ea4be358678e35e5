import { decimal, metric, missing, type Decimal, type Metric } from "../core/index.js";
import { acknowledgementOf, pendingByPerson, type PersonPending, type RequirementAcknowledgement } from "./acknowledgements.js";
import type { Engine } from "./engine.js";
import { F_COVERS, F_IMPLICIT, flagsOf, needAccepts } from "./compiled.js";
import { DEEP_COVERED, NO_RULE } from "./coverage.js";
import { statusName, UNCOVERED, type EvidenceStatus } from "./evidence.js";
import { diffFields, type TraceFieldChange } from "./fingerprint.js";
import { checkStructure, type TraceFinding } from "./structure.js";
import { LINK_SUSPECT, LINK_UNREVIEWED } from "./suspects.js";

/*
 * Assembling the full result from the analysis state: plain readonly data, every list sorted by key so two analyses
 * of the same graph give equal results however they were reached.
 */

/** Coverage of one item whose type has a rule. */
export interface ItemCoverage {
  /** `kind:id`. */
  readonly item: string;
  /** Its type. */
  readonly type: string;
  /** Every need met. */
  readonly shallow: "covered" | "uncovered";
  /** Shallow, and every counted covering item deep-covered, recursively; `cycle` inside a loop of covering links. */
  readonly deep: "covered" | "uncovered" | "cycle";
  /** Each need: how many distinct items cover it, out of how many needed, and which. */
  readonly needs: readonly { readonly name: string; readonly anyOf: readonly string[]; readonly min: number; readonly count: number; readonly coveredBy: readonly string[]; readonly met: boolean }[];
  /** Names of the needs not met (OFT's `-type`). */
  readonly missing: readonly string[];
  /** Covering links from item types the rule does not ask for (OFT's `+type`). */
  readonly unwanted: readonly { readonly link: string; readonly from: string; readonly fromType: string }[];
}

/** Coverage of one level (item type). */
export interface LevelCoverage {
  /** The item type. */
  readonly type: string;
  /** Items of this type. */
  readonly items: number;
  /** Shallow-covered items. */
  readonly shallowCovered: number;
  /** Deep-covered items. */
  readonly deepCovered: number;
  /** Shallow-covered share in percent (`no-data` for a level without items). */
  readonly shallowPercent: Metric<Decimal>;
  /** Deep-covered share in percent. */
  readonly deepPercent: Metric<Decimal>;
  /** Items not shallow-covered (the coverage debt), sorted. */
  readonly gaps: readonly string[];
}

/** A suspect link. */
export interface SuspectLink {
  /** Link id. */
  readonly link: string;
  /** `kind:id` of the link's source. */
  readonly from: string;
  /** `kind:id` of the link's target. */
  readonly to: string;
  /** Link type. */
  readonly linkType: string;
  /** `direct`: the target changed; `transitive`: something further up changed. */
  readonly reason: "direct" | "transitive";
  /** The changed item suspicion comes from (the nearest, for a transitive link). */
  readonly origin: string;
  /** Links between the change and this one (1 = direct). */
  readonly distance: number;
  /** For a direct link: the trigger fields that changed since its review, when that content is known. */
  readonly changedFields?: readonly TraceFieldChange[];
}

/** A changed item and how far its change reaches. */
export interface ChangedItem {
  /** `kind:id`. */
  readonly item: string;
  /** Directly suspect links into it. */
  readonly directLinks: number;
  /** Links suspect through it, further down. */
  readonly transitiveLinks: number;
  /** Distinct items whose links became suspect because of it. */
  readonly blastRadius: number;
}

/** Test evidence of one item. */
export interface ItemEvidence {
  /** `kind:id`. */
  readonly item: string;
  /** The id. */
  readonly id: string;
  /** From its own tests only. */
  readonly own: EvidenceStatus;
  /** Combined with its children's roll-up. */
  readonly rolledUp: EvidenceStatus;
  /** Its own tests, each with the latest run in scope. */
  readonly tests: readonly { readonly testCase: string; readonly run?: string; readonly result?: string; readonly executedAt?: string; readonly status: EvidenceStatus }[];
}

/** Everything an analysis finds. */
export interface TraceAnalysisResult {
  /** Per item with a rule. */
  readonly coverage: readonly ItemCoverage[];
  /** Per item type with a rule. */
  readonly levels: readonly LevelCoverage[];
  /** Structural findings. */
  readonly findings: readonly TraceFinding[];
  /** Suspect links. */
  readonly suspects: readonly SuspectLink[];
  /** Trace links never reviewed (no recorded target fingerprint), Doorstop's "needs initial review". */
  readonly unreviewedLinks: readonly string[];
  /** Items whose change made links suspect, with the blast radius. */
  readonly changedItems: readonly ChangedItem[];
  /** Per requirement (and any other item with tests). */
  readonly evidence: readonly ItemEvidence[];
  /** Per requirement listing audiences. */
  readonly acknowledgements: readonly RequirementAcknowledgement[];
  /** Per person: what they still have to acknowledge. */
  readonly pendingByPerson: readonly PersonPending[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const DEEP = ["covered", "uncovered", "cycle"] as const;

/** Nodes in key order, cached until items are added (keys never change). */
const orderCache = new WeakMap<object, number[]>();
function sortedNodes(e: Engine): number[] {
  const s = e.graph.store;
  const cached = orderCache.get(s);
  if (cached && cached.length === s.items.length) return cached;
  const keys = s.items.map((i) => i.key);
  const order = Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => cmp(keys[a] as string, keys[b] as string));
  orderCache.set(s, order);
  return order;
}

export function materialize(e: Engine, opts: { evidenceOnly?: boolean } = {}): TraceAnalysisResult {
  const s = e.graph.store;
  const order = sortedNodes(e);
  const evidence: ItemEvidence[] = [];
  for (const v of order) {
    const item = s.items[v]!;
    const tests = e.evidence.testsOf(v);
    if (item.kind !== "requirement" && tests.length === 0) continue;
    evidence.push({
      item: item.key,
      id: item.id,
      own: statusName(e.evidence.own[v] ?? UNCOVERED),
      rolledUp: statusName(e.evidence.rolled[v] ?? UNCOVERED),
      tests: tests
        .map((tc) => {
          const run = e.evidence.latestRun(tc);
          const status = statusName(e.evidence.testStatus(tc, v, run));
          if (run < 0) return { testCase: s.items[tc]!.key, status };
          const re = s.items[run]!.entity as { result?: string; executedAt?: string };
          const row: { testCase: string; run: string; result?: string; executedAt?: string; status: EvidenceStatus } = { testCase: s.items[tc]!.key, run: s.items[run]!.key, status };
          if (re.result !== undefined) row.result = re.result;
          if (re.executedAt !== undefined) row.executedAt = re.executedAt;
          return row;
        })
        .sort((a, b) => cmp(a.testCase, b.testCase)),
    });
  }
  if (opts.evidenceOnly) return { coverage: [], levels: [], findings: [], suspects: [], unreviewedLinks: [], changedItems: [], evidence, acknowledgements: [], pendingByPerson: [] };

  const coverage: ItemCoverage[] = [];
  const levels = new Map<string, { items: number; shallow: number; deep: number; gaps: string[] }>();
  for (const rule of e.c.byType.values()) levels.set(rule.type, { items: 0, shallow: 0, deep: 0, gaps: [] });
  for (const v of order) {
    if (e.coverage.shallow[v] === NO_RULE) continue;
    const item = s.items[v]!;
    const rule = e.coverage.ruleOf(v)!;
    const nc = e.coverage.needCounts(v)!;
    const needs = rule.needs.map((need, i) => ({
      name: need.label,
      anyOf: need.anyOfList,
      min: need.min,
      count: nc.counts[i] as number,
      coveredBy: (nc.sources[i] as number[]).map((w) => s.items[w]!.key).sort(cmp),
      met: (nc.counts[i] as number) >= need.min,
    }));
    const unwanted: ItemCoverage["unwanted"][number][] = [];
    for (const l of s.inn[v] as number[]) {
      const f = s.from[l] as number;
      const link = s.links[l]!;
      const fl = flagsOf(s, e.c, link.type);
      if (f === v || (fl & F_COVERS) === 0 || (fl & F_IMPLICIT) !== 0) continue;
      const ft = s.items[f]!.type;
      if (!rule.needs.some((need) => needAccepts(s, need, link.type, ft))) unwanted.push({ link: link.id, from: s.items[f]!.key, fromType: ft });
    }
    const shallow = e.coverage.shallow[v] === 1;
    coverage.push({
      item: item.key,
      type: item.type,
      shallow: shallow ? "covered" : "uncovered",
      deep: DEEP[e.coverage.deep[v] as number] ?? "covered",
      needs,
      missing: needs.filter((x) => !x.met).map((x) => x.name),
      unwanted: unwanted.sort((a, b) => cmp(a.link, b.link)),
    });
    const lv = levels.get(item.type)!;
    lv.items++;
    if (shallow) lv.shallow++;
    else lv.gaps.push(item.key);
    if (e.coverage.deep[v] === DEEP_COVERED) lv.deep++;
  }
  const pct = (part: number, whole: number): Metric<Decimal> => (whole === 0 ? missing("no-data", "no items of this type") : metric(decimal(part).times(100).div(whole)));

  const suspects: SuspectLink[] = [];
  const unreviewed: string[] = [];
  const best = new Map<number, { origin: number; distance: number }>();
  const changedItems: ChangedItem[] = [];
  for (const [o, sp] of e.suspects.spreads) {
    changedItems.push({ item: s.items[o]!.key, directLinks: sp.direct.length, transitiveLinks: sp.transitive.size, blastRadius: sp.reached.size });
    for (const [l, d] of sp.transitive) {
      if (e.suspects.direct[l] === LINK_SUSPECT) continue;
      const b = best.get(l);
      if (!b || d < b.distance || (d === b.distance && cmp(s.items[o]!.key, s.items[b.origin]!.key) < 0)) best.set(l, { origin: o, distance: d });
    }
  }
  for (let l = 0; l < s.links.length; l++) {
    const st = e.suspects.direct[l];
    const link = s.links[l]!;
    if (st === LINK_UNREVIEWED) unreviewed.push(link.id);
    if (st !== LINK_SUSPECT) continue;
    const t = s.items[s.to[l] as number]!;
    const before = s.history.get(link.link!.targetFingerprint as string);
    suspects.push({
      link: link.id, from: link.fromKey, to: link.toKey, linkType: s.reg.def(link.type).name, reason: "direct", origin: t.key, distance: 1,
      ...(before ? { changedFields: diffFields(before, t.entity, s.triggerFields(t.kind)) } : {}),
    });
  }
  for (const [l, b] of best) {
    const link = s.links[l]!;
    suspects.push({ link: link.id, from: link.fromKey, to: link.toKey, linkType: s.reg.def(link.type).name, reason: "transitive", origin: s.items[b.origin]!.key, distance: b.distance });
  }

  const acknowledgements: RequirementAcknowledgement[] = [];
  for (const v of order) {
    const a = acknowledgementOf(s, v, e.acks);
    if (a) acknowledgements.push(a);
  }
  return {
    coverage,
    levels: [...levels.entries()]
      .sort(([a], [b]) => cmp(a, b))
      .map(([type, lv]) => ({ type, items: lv.items, shallowCovered: lv.shallow, deepCovered: lv.deep, shallowPercent: pct(lv.shallow, lv.items), deepPercent: pct(lv.deep, lv.items), gaps: lv.gaps })),
    findings: checkStructure(s, e.c),
    suspects: suspects.sort((a, b) => cmp(a.link, b.link) || cmp(a.reason, b.reason)),
    unreviewedLinks: unreviewed.sort(cmp),
    changedItems: changedItems.sort((a, b) => cmp(a.item, b.item)),
    evidence,
    acknowledgements,
    pendingByPerson: pendingByPerson(acknowledgements, e.options.people),
  };
}
