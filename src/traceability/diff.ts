import { checkArguments } from "../core/index.js";
import type { TraceAnalysisOptions } from "./analysis.js";
import { analyzeTraceGraph, checkAnalysisOptions } from "./analysis.js";
import { fieldChanges, type TraceFieldChange } from "./fingerprint.js";
import { buildTraceGraph, type TraceGraph } from "./graph.js";
import type { TraceAnalysisResult } from "./result.js";
import type { TraceRules, TraceRulesInput } from "./rules.js";
import type { TraceInput, TraceItemKind, TraceLinkInput } from "./types.js";

/*
 * Baseline diff: two snapshots of the graph (two baselines, two git refs) analysed with the same rules, compared item
 * by item and link by link, plus what the change did to the analysis — what became uncovered, orphaned, suspect,
 * outdated, stale or failing, and what stopped being so: resolved (the item or link is still there, without the problem) or
 * removed (the problem went away with the item or link). Unlike a content diff, it answers "what did this change
 * break".
 */

/** What can change on a link between two snapshots. */
export type LinkChange = "from" | "to" | "linkType" | "targetFingerprint" | "targetRevision";

/** Status transitions between two snapshots. */
export interface TraceStatusChanges {
  /** Items no longer shallow-covered (or new and uncovered). */
  readonly uncovered: readonly string[];
  /** Items newly reported as orphans. */
  readonly orphaned: readonly string[];
  /** Links newly suspect (direct or transitive). */
  readonly suspect: readonly string[];
  /** Items whose rolled-up evidence became STALE. */
  readonly stale: readonly string[];
  /** Items whose rolled-up evidence became NOK. */
  readonly failing: readonly string[];
  /**
   * Links newly pinning another revision than their target's (OpenFastTrace's outdated or predated, in
   * `linkRevisions`): they cover nothing until reviewed, even where the item stays covered through other links.
   */
  readonly outdated: readonly string[];
  /**
   * Links newly referring to a missing item (the `dangling-link` finding: a test case deleted while a link still names
   * it). Such a link is not revision-checked and covers nothing: an outdated one whose end was deleted moves to
   * `removed.outdated`, and here to `became.dangling` — the change left a link to nothing behind.
   */
  readonly dangling: readonly string[];
  /**
   * Items newly given more than once (the `duplicate-item` finding): the analysis uses the first copy, so a later copy's
   * content is in no other list here — not in `itemsChanged`, not in `itemsAdded`.
   */
  readonly duplicated: readonly string[];
}

/** The difference between two snapshots of the trace graph. */
export interface TraceBaselineDiff {
  /** Items only in the later snapshot. */
  readonly itemsAdded: readonly string[];
  /** Items only in the earlier snapshot. */
  readonly itemsRemoved: readonly string[];
  /**
   * Items whose fingerprint changed, with the fields that changed; also those whose `revision` changed (it voids the
   * links pinning the old one), whose `status` retired or revived them (the rules' `inactive`), or whose type field
   * (the rules' `typeFields`, a requirement's `level`) moved them to another rule, with that field.
   */
  readonly itemsChanged: readonly { readonly item: string; readonly fields: readonly TraceFieldChange[] }[];
  /** Link ids only in the later snapshot (an id listed again for each extra link given under it). */
  readonly linksAdded: readonly string[];
  /** Link ids only in the earlier snapshot (an id listed again for each extra link given under it). */
  readonly linksRemoved: readonly string[];
  /** Links whose ends, type, recorded fingerprint or pinned revision changed, with which of these changed. */
  readonly linksChanged: readonly { readonly link: string; readonly changed: readonly LinkChange[] }[];
  /** What got worse (a new item or link with a problem included). */
  readonly became: TraceStatusChanges;
  /**
   * What got better: items and links still in the later snapshot whose problem is gone. An item or link that was
   * deleted is never here (its problem is not fixed, it left with it): see {@link TraceBaselineDiff.removed}.
   */
  readonly resolved: TraceStatusChanges;
  /**
   * The problems that left with what was deleted or retired: each item of {@link TraceBaselineDiff.itemsRemoved}, or
   * retired since (the rules' `inactive`), under the statuses it had in the earlier snapshot, and each suspect link
   * whose id is gone ({@link TraceBaselineDiff.linksRemoved}) or one of whose ends was removed or retired; a dangling
   * link is `removed` once the link itself is gone.
   */
  readonly removed: TraceStatusChanges;
  /** The two full analyses, for anything else a report wants. */
  readonly before: TraceAnalysisResult;
  /** The later analysis. */
  readonly after: TraceAnalysisResult;
}

/**
 * Compares two snapshots of the trace graph under the same rules.
 *
 * @throws {ValidationError} for malformed input or rules.
 * @example
 * ```ts
 * const d = diffTraceBaselines(baselineInput, currentInput, DEFAULT_TRACE_RULES);
 * d.became.uncovered; // ["requirement:FR-110"]
 * d.linksChanged;     // [{ link: "tl-TC-014-verifies-TR-001", changed: ["targetFingerprint"] }]
 * d.resolved.uncovered; // covered now: ["requirement:FR-104"]
 * d.removed.uncovered;  // deleted while uncovered, not fixed: ["requirement:FR-120"]
 * ```
 */
export function diffTraceBaselines(
  before: TraceInput,
  after: TraceInput,
  rules: TraceRules | TraceRulesInput = {},
  options: TraceAnalysisOptions = {},
): TraceBaselineDiff {
  checkArguments("diffTraceBaselines", { before: [before, "object"], after: [after, "object"], rules: [rules, "object"], options: [options, "object"] });
  checkAnalysisOptions("diffTraceBaselines", options);
  const gb = buildTraceGraph(before, rules);
  const ga = buildTraceGraph(after, gb.rules);
  const rb = analyzeTraceGraph(gb, options).result();
  const ra = analyzeTraceGraph(ga, options).result();
  const items = compareItems(gb, ga);
  const links = compareLinks(before, after);
  const sets = (r: TraceAnalysisResult) => ({
    uncovered: new Set(r.coverage.filter((c) => c.shallow === "uncovered").map((c) => c.item)),
    orphaned: new Set(r.findings.filter((f) => f.check === "orphan").flatMap((f) => f.items)),
    suspect: new Set(r.suspects.map((s) => s.link)),
    stale: new Set(r.evidence.filter((e) => e.rolledUp === "STALE").map((e) => e.item)),
    failing: new Set(r.evidence.filter((e) => e.rolledUp === "NOK").map((e) => e.item)),
    outdated: new Set(r.linkRevisions.filter((x) => x.status !== "covers").map((x) => x.link)),
    dangling: new Set(r.findings.filter((f) => f.check === "dangling-link").flatMap((f) => f.links)),
    duplicated: new Set(r.findings.filter((f) => f.check === "duplicate-item").flatMap((f) => f.items)),
  });
  const sb = sets(rb);
  const sa = sets(ra);
  const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();
  const delta = (x: typeof sa, y: typeof sb): TraceStatusChanges => ({
    uncovered: minus(x.uncovered, y.uncovered),
    orphaned: minus(x.orphaned, y.orphaned),
    suspect: minus(x.suspect, y.suspect),
    stale: minus(x.stale, y.stale),
    failing: minus(x.failing, y.failing),
    outdated: minus(x.outdated, y.outdated),
    dangling: minus(x.dangling, y.dangling),
    duplicated: minus(x.duplicated, y.duplicated),
  });
  // What stopped is resolved only when its item or link is still there; otherwise it left with it (removed).
  // An item retired since (the rules' `inactive`) left the analysis as a deleted one did: its problems were not fixed.
  const wasInactive = new Set(rb.inactive.map((x) => x.item));
  const goneItems = new Set([...items.itemsRemoved, ...ra.inactive.map((x) => x.item).filter((x) => !wasInactive.has(x))]);
  const linksAfter = new Set((after.links ?? []).map((l) => l.id));
  const goneLinks = new Set([...rb.suspects, ...rb.linkRevisions].filter((x) => !linksAfter.has(x.link) || goneItems.has(x.from) || goneItems.has(x.to)).map((x) => x.link));
  const stopped = delta(sb, sa);
  const part = (keep: boolean): TraceStatusChanges => ({
    uncovered: stopped.uncovered.filter((x) => goneItems.has(x) !== keep),
    orphaned: stopped.orphaned.filter((x) => goneItems.has(x) !== keep),
    suspect: stopped.suspect.filter((x) => goneLinks.has(x) !== keep),
    stale: stopped.stale.filter((x) => goneItems.has(x) !== keep),
    failing: stopped.failing.filter((x) => goneItems.has(x) !== keep),
    outdated: stopped.outdated.filter((x) => goneLinks.has(x) !== keep),
    // A dangling link no longer dangling is resolved while it is still given (its missing end is back), removed once deleted.
    dangling: stopped.dangling.filter((x) => linksAfter.has(x) === keep),
    duplicated: stopped.duplicated.filter((x) => goneItems.has(x) !== keep),
  });
  return { ...items, ...links, became: delta(sa, sb), resolved: part(true), removed: part(false), before: rb, after: ra };
}

function compareItems(gb: TraceGraph, ga: TraceGraph) {
  const itemsAdded: string[] = [];
  const itemsRemoved: string[] = [];
  const itemsChanged: { item: string; fields: readonly TraceFieldChange[] }[] = [];
  for (const it of ga.items()) if (!gb.item(it.key)) itemsAdded.push(it.key);
  for (const it of gb.items()) {
    const now = ga.item(it.key);
    if (!now) {
      itemsRemoved.push(it.key);
      continue;
    }
    const fields = now.fingerprint !== it.fingerprint ? [...fieldChanges(it.entity, now.entity, ga.store.fingerprintFields(it.kind))] : [];
    // Not fingerprinted, yet each changes the analysis: a new revision voids the links pinning the old one (OFT), and
    // a status or tag that retires or revives the item takes it out of coverage or brings it back (the rules' `inactive`).
    fields.push(...fieldChanges(it.entity, now.entity, ["revision"]));
    if (now.inactive !== it.inactive) fields.push(...fieldChanges(it.entity, now.entity, ["status", "tags"]));
    // A type read from the rules' typeFields (a requirement's `level`) decides which rule applies; it is not fingerprinted.
    const typeField = typeFieldOf(gb, it.kind);
    if (now.type !== it.type && typeField !== undefined) fields.push(...fieldChanges(it.entity, now.entity, [typeField]));
    if (fields.length > 0) itemsChanged.push({ item: it.key, fields });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { itemsAdded: itemsAdded.sort(cmp), itemsRemoved: itemsRemoved.sort(cmp), itemsChanged: itemsChanged.sort((a, b) => cmp(a.item, b.item)) };
}

/** The field the rules read the item type from for `kind`, when it is not a fingerprinted one. */
function typeFieldOf(g: TraceGraph, kind: TraceItemKind): string | undefined {
  const field = kind === "requirement" || kind === "artifact" || kind === "test-case" ? g.rules.typeFields[kind] : undefined;
  return field === undefined || g.store.fingerprintFields(kind).includes(field) ? undefined : field;
}

function compareLinks(before: TraceInput, after: TraceInput) {
  // By id; an id given more than once (a duplicate-link finding) is compared occurrence by occurrence: identical
  // occurrences pair first, the rest in the order of their content (never the input order), so listing the same
  // links another way round changes nothing, and an extra link under a known id shows as added (or removed).
  const byId = (links: readonly TraceLinkInput[] | undefined) => {
    const m = new Map<string, TraceLinkInput[]>();
    for (const l of links ?? []) {
      const list = m.get(l.id);
      if (list) list.push(l);
      else m.set(l.id, [l]);
    }
    return m;
  };
  const b = byId(before.links);
  const a = byId(after.links);
  const linksAdded: string[] = [];
  const linksRemoved: string[] = [];
  const linksChanged: { link: string; changed: LinkChange[] }[] = [];
  for (const [id, all] of a) {
    const [xs, ys] = unmatched(all, b.get(id) ?? []);
    for (let k = ys.length; k < xs.length; k++) linksAdded.push(id);
    for (let k = xs.length; k < ys.length; k++) linksRemoved.push(id);
    for (let k = 0; k < Math.min(xs.length, ys.length); k++) {
      const x = xs[k]!;
      const y = ys[k]!;
      const changed: LinkChange[] = [];
      if (x.from.kind !== y.from.kind || x.from.id !== y.from.id) changed.push("from");
      if (x.to.kind !== y.to.kind || x.to.id !== y.to.id) changed.push("to");
      if (x.linkType !== y.linkType) changed.push("linkType");
      if (x.targetFingerprint !== y.targetFingerprint) changed.push("targetFingerprint");
      // A re-pinned revision (OFT) moves the link between covers, outdated and predated.
      if (x.targetRevision !== y.targetRevision) changed.push("targetRevision");
      if (changed.length > 0) linksChanged.push({ link: id, changed });
    }
  }
  for (const [id, ys] of b) if (!a.has(id)) for (let k = 0; k < ys.length; k++) linksRemoved.push(id);
  const cmp = (p: string, q: string) => (p < q ? -1 : p > q ? 1 : 0);
  return { linksAdded: linksAdded.sort(cmp), linksRemoved: linksRemoved.sort(cmp), linksChanged: linksChanged.sort((p, q) => cmp(p.link, q.link)) };
}

/** What a diff compares on a link, as one string (absent values as null). */
function linkContent(l: TraceLinkInput): string {
  return JSON.stringify([l.from.kind, l.from.id, l.to.kind, l.to.id, l.linkType, l.targetFingerprint ?? null, l.targetRevision ?? null]);
}

/** The occurrences of one link id left once identical ones are paired, each side in the order of its content. */
function unmatched(after: readonly TraceLinkInput[], before: readonly TraceLinkInput[]): [TraceLinkInput[], TraceLinkInput[]] {
  const sorted = (xs: readonly TraceLinkInput[]) => xs.map((l) => [linkContent(l), l] as const).sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
  const xs = sorted(after);
  const ys = sorted(before);
  const restX: TraceLinkInput[] = [];
  const restY: TraceLinkInput[] = [];
  let i = 0;
  let j = 0;
  while (i < xs.length || j < ys.length) {
    const x = xs[i];
    const y = ys[j];
    if (x !== undefined && y !== undefined && x[0] === y[0]) {
      i++;
      j++;
    } else if (y === undefined || (x !== undefined && x[0] < y[0])) restX.push(xs[i++]![1]);
    else restY.push(ys[j++]![1]);
  }
  return [restX, restY];
}
