import { decimal, metric, missing, type Decimal, type Metric } from "../core/index.js";
import { cmp } from "./order.js";
import { acknowledgementOf, NONE, pendingByPerson, type PersonPending, type RequirementAcknowledgement } from "./acknowledgements.js";
import type { Engine } from "./engine.js";
import { F_COVERS, F_EVIDENCE, F_IMPLICIT, linkFlags } from "./compiled.js";
import { DEEP, DEEP_COVERED, DEEP_CYCLE, NO_RULE } from "./coverage.js";
import { statusName, UNCOVERED, type EvidenceStatus } from "./evidence.js";
import { fieldChanges } from "./fingerprint.js";
import { pinsOtherRevision } from "./revisions.js";
import { reach } from "./scc.js";
import { LINK_SUSPECT, LINK_UNREVIEWED } from "./suspects.js";
import type { ChangedItem, InactiveItem, ItemCoverage, ItemEvidence, LevelCoverage, SuspectLink } from "./result.js";

/*
 * Assembling the listings of a result from the analysis state (internal): plain readonly data, every list sorted by
 * key so two analyses of the same graph give equal results however they were reached. Each listing is built by its
 * own function so `result()` can build each one when first read.
 */

type TestRow = ItemEvidence["tests"][number];
type RunRow = { run?: string; result?: string; executedAt?: string };

/** The run fields of a row (`run`, `result`, `executedAt` when known). */
function runFields(e: Engine, run: number): RunRow {
  if (run < 0) return {};
  const ri = e.graph.store.items[run]!;
  const re = ri.entity as { result?: string; executedAt?: string };
  const row: RunRow = { run: ri.key };
  if (re.result !== undefined) row.result = re.result;
  if (re.executedAt !== undefined) row.executedAt = re.executedAt;
  return row;
}

/** The test rows of item `v` for the tests of item `w` (`w` = `v`, or an item below it), sorted by test case. */
function testRows(e: Engine, v: number, w: number, tests: readonly number[]): TestRow[] {
  const s = e.graph.store;
  const ev = e.evidence;
  const perEnvironment = ev.policy.environments === "worst-per-environment";
  const via = w === v ? undefined : s.items[w]!.key;
  const rows: TestRow[] = new Array<TestRow>(tests.length);
  for (let k = 0; k < tests.length; k++) {
    const tc = tests[k] as number;
    const run = ev.decidingRun(tc, w);
    const status = statusName(ev.testStatus(tc, w));
    const testCase = s.items[tc]!.key;
    const row: TestRow = { testCase, ...runFields(e, run), status };
    if (via !== undefined) (row as { via?: string }).via = via;
    if (perEnvironment) {
      (row as { byEnvironment?: TestRow["byEnvironment"] }).byEnvironment = ev.runsOf(tc).map((r) => ({
        environment: String((s.items[r]!.entity as { environment?: unknown }).environment ?? ""),
        ...runFields(e, r),
        status: statusName(ev.runStatus(r, tc, w)),
      }));
    }
    rows[k] = row;
  }
  if (rows.length > 1) rows.sort((a, b) => cmp(a.testCase, b.testCase));
  return rows;
}

/** With `evidence.tests: "transitive"`: the rows of the tests of every item below `v` (through the parent links). */
function rowsBelow(e: Engine, v: number): TestRow[] {
  const s = e.graph.store;
  const rows: TestRow[] = [];
  for (const w of reach(s.items.length, [v], e.evidence.children()).nodes) {
    if (w === v) continue;
    const tests = e.evidence.testsOf(w);
    if (tests.length > 0) rows.push(...testRows(e, v, w, tests));
  }
  return rows;
}

function hasEvidenceLink(s: Engine["graph"]["store"], lf: Uint8Array, v: number): boolean {
  const inn = s.inn[v] as number[];
  for (let k = 0; k < inn.length; k++) if (((lf[inn[k] as number] as number) & F_EVIDENCE) !== 0) return true;
  return false;
}


/** Evidence rows, per requirement and per other item with tests. */
export function assembleEvidence(e: Engine): ItemEvidence[] {
  const s = e.graph.store;
  const order = e.graph.store.keyOrder();
  const evidence: ItemEvidence[] = [];
  const lfe = linkFlags(s, e.c);
  const transitive = e.evidence.policy.tests === "transitive";
  for (const v of order) {
    const item = s.items[v]!;
    // Inactive items give and get no evidence: they are listed in `inactive` instead.
    if (item.inactive !== undefined) continue;
    if (item.kind !== "requirement" && !hasEvidenceLink(s, lfe, v)) continue;
    const tests = e.evidence.testsOf(v);
    if (item.kind !== "requirement" && tests.length === 0) continue;
    evidence.push({
      item: item.key,
      id: item.id,
      own: statusName(e.evidence.own[v] ?? UNCOVERED),
      rolledUp: statusName(e.evidence.rolled[v] ?? UNCOVERED),
      tests: transitive ? [...testRows(e, v, v, tests), ...rowsBelow(e, v)].sort((a, b) => cmp(a.testCase, b.testCase) || cmp(a.via ?? "", b.via ?? "")) : testRows(e, v, v, tests),
    });
  }
  return evidence;
}

/** The inactive items with the status that retires each, in key order. */
export function assembleInactive(e: Engine): InactiveItem[] {
  const s = e.graph.store;
  const out: InactiveItem[] = [];
  for (const v of e.graph.store.keyOrder()) {
    const item = s.items[v]!;
    if (item.inactive !== undefined) out.push({ item: item.key, type: item.type, status: item.inactive });
  }
  return out;
}

/** Coverage per active item with a rule (the levels are {@link assembleLevels}). */
export function assembleCoverage(e: Engine): { coverage: ItemCoverage[] } {
  const s = e.graph.store;
  const order = e.graph.store.keyOrder();
  const coverage: ItemCoverage[] = [];
  const lf = linkFlags(s, e.c);
  const cov = e.coverage;
  for (const v of order) {
    if (cov.shallow[v] === NO_RULE) continue;
    const item = s.items[v]!;
    const rule = cov.ruleOf(v)!;
    const needs: ItemCoverage["needs"][number][] = [];
    const missingNeeds: string[] = [];
    for (let i = 0; i < rule.needs.length; i++) {
      const need = rule.needs[i]!;
      const sources = cov.sourcesOf(v, i);
      const coveredBy: string[] = new Array<string>(sources.length);
      for (let k = 0; k < sources.length; k++) coveredBy[k] = s.items[sources[k] as number]!.key;
      if (coveredBy.length > 1) coveredBy.sort(cmp);
      const met = sources.length >= need.min;
      needs.push({ name: need.label, anyOf: need.anyOfList, min: need.min, count: sources.length, coveredBy, met });
      if (!met) missingNeeds.push(need.label);
    }
    // A covering link that counts for no need comes from a type the rule does not ask for (or through another link type);
    // one pinning another revision is outdated or predated (listed in linkRevisions), not unwanted.
    let unwanted: ItemCoverage["unwanted"][number][] | undefined;
    const inn = s.inn[v] as number[];
    for (let k = 0; k < inn.length; k++) {
      const l = inn[k] as number;
      const fl = lf[l] as number;
      if ((fl & F_COVERS) === 0 || (fl & F_IMPLICIT) !== 0 || cov.maskOfLink(l) !== 0 || pinsOtherRevision(s, l)) continue;
      const f = s.from[l] as number;
      const fi = s.items[f]!;
      // An inactive source covers nothing by decision, not by mistake: it is listed in `inactive`, not here.
      if (f === v || fi.inactive !== undefined) continue;
      (unwanted ??= []).push({ link: s.links[l]!.id, from: fi.key, fromType: fi.type });
    }
    const shallow = cov.shallow[v] === 1;
    coverage.push({
      item: item.key,
      type: item.type,
      shallow: shallow ? "covered" : "uncovered",
      deep: DEEP[cov.deep[v] as number] ?? "covered",
      needs,
      missing: missingNeeds.length === 0 ? NONE : missingNeeds,
      unwanted: unwanted === undefined ? NONE : unwanted.sort((a, b) => cmp(a.link, b.link) || cmp(a.from, b.from)),
    });
  }
  return { coverage };
}

/** Coverage per level only, without the per-item entries; retired items of a level's type are counted apart. */
export function assembleLevels(e: Engine): LevelCoverage[] {
  const s = e.graph.store;
  const cov = e.coverage;
  const levels = new Map<string, { items: number; shallowCovered: number; deepCovered: number; inactive: number; gaps: string[]; inCycle: string[] }>();
  for (const rule of e.c.byType.values()) levels.set(rule.type, { items: 0, shallowCovered: 0, deepCovered: 0, inactive: 0, gaps: [], inCycle: [] });
  for (const v of e.graph.store.keyOrder()) {
    const item = s.items[v]!;
    if (cov.shallow[v] === NO_RULE) {
      const retired = item.inactive === undefined ? undefined : levels.get(item.type);
      if (retired) retired.inactive++;
      continue;
    }
    const lv = levels.get(item.type)!;
    lv.items++;
    if (cov.shallow[v] === 1) lv.shallowCovered++;
    else lv.gaps.push(item.key);
    if (cov.deep[v] === DEEP_COVERED) lv.deepCovered++;
    else if (cov.deep[v] === DEEP_CYCLE) lv.inCycle.push(item.key);
  }
  return [...levels.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([type, lv]) => ({ type, ...lv, shallowPercent: pct(lv.shallowCovered, lv.items, lv.inactive), deepPercent: pct(lv.deepCovered, lv.items, lv.inactive) }));
}

/** A level's share in percent; without active items, the reason says whether it has retired ones (not the same as none). */
function pct(part: number, whole: number, inactive: number): Metric<Decimal> {
  if (whole > 0) return metric(decimal(part).times(100).div(whole));
  return missing("no-data", inactive > 0 ? `no active items of this type (${inactive} inactive)` : "no items of this type");
}

/** Suspect links, never-reviewed links and the changed items with their blast radius. */
export function assembleSuspects(e: Engine): { suspects: SuspectLink[]; unreviewedLinks: string[]; changedItems: ChangedItem[] } {
  const s = e.graph.store;
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
      ...(before ? { changedFields: fieldChanges(before, t.entity, s.triggerFields(t.kind)) } : {}),
    });
  }
  for (const [l, b] of best) {
    const link = s.links[l]!;
    suspects.push({ link: link.id, from: link.fromKey, to: link.toKey, linkType: s.reg.def(link.type).name, reason: "transitive", origin: s.items[b.origin]!.key, distance: b.distance });
  }

  return {
    suspects: suspects.sort((a, b) => cmp(a.link, b.link) || cmp(a.reason, b.reason)),
    unreviewedLinks: unreviewed.sort(cmp),
    changedItems: changedItems.sort((a, b) => cmp(a.item, b.item)),
  };
}

/** Acknowledgements per requirement and per person. */
export function assembleAcknowledgements(e: Engine): { acknowledgements: RequirementAcknowledgement[]; pendingByPerson: PersonPending[] } {
  const s = e.graph.store;
  const order = e.graph.store.keyOrder();
  const acknowledgements: RequirementAcknowledgement[] = [];
  for (const v of order) {
    const a = acknowledgementOf(s, v, e.acks, e.asOf);
    if (a) acknowledgements.push(a);
  }
  return { acknowledgements, pendingByPerson: pendingByPerson(acknowledgements, e.options.people) };
}
