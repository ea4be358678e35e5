import type { DeliveryAnalysis } from "./office.js";
import { naturalKeyOrder, traceFindingLines } from "../reports/index.js";
import { printable } from "./terminal.js";

/** What `pmokit trace` prints: the JSON value, the text lines, and whether there is a finding (exit 1). */
export interface TraceSummary {
  /** The `--json` output (items by `kind:id`, with `keys`: each named item's key by `kind:id`). */
  readonly json: unknown;
  /** The text output, one line each (names from the data made one line with `printable`). */
  readonly text: readonly string[];
  /** A requirement is uncovered, a link suspect, outdated or predated, an acknowledgement pending or a structural finding of severity error. */
  readonly findings: boolean;
}

/**
 * The output of `pmokit trace` from the delivery analysis, naming items by key (`REQ-11`, as the report does; findings
 * `requirement:REQ-11`) where they have one: coverage per level, uncovered and inactive items,
 * structural findings (dangling links, duplicates, cycles, orphans… each with the severity the rules give its check),
 * suspect, outdated and predated links, acknowledgement gaps.
 *
 * @example
 * ```ts
 * const t = traceSummary(analyzeDelivery(records, "2026-11-20"));
 * process.stdout.write(`${t.text.join("\n")}\n`);
 * process.exitCode = t.findings ? 1 : 0;
 * ```
 */
export function traceSummary(d: DeliveryAnalysis): TraceSummary {
  const t = d.trace.result;
  const gaps = t.acknowledgements.filter((a) => a.pending.length > 0);
  const uncovered = t.levels.flatMap((l) => l.gaps);
  // Rejected/obsolete requirements and deprecated tests need no coverage (the rules' inactive statuses): listed, never a finding.
  const inactive = t.inactive.map((i) => ({ item: i.item, status: i.status }));
  // OpenFastTrace's outdated / predated links (pinning another revision than their target's): they cover nothing.
  const stale = t.linkRevisions.filter((r) => r.status !== "covers");
  // Structural findings: all printed; those of severity error (a dangling link, a duplicate item, a cycle by default)
  // are findings of the command, as the report and StrictDoc treat them.
  const structural = t.findings;
  const errors = structural.some((f) => f.severity === "error");
  const findings = uncovered.length > 0 || t.suspects.length > 0 || stale.length > 0 || gaps.length > 0 || errors;
  // Items by their key (`requirement:REQ-11`) where they have one, else by id: an import's ids are the tool's UUIDs.
  const keys = d.trace.keys;
  const named = new Map<string, string>();
  const name = (ref: string) => {
    const key = keys.get(ref);
    if (key === undefined) return ref;
    named.set(ref, key);
    return `${ref.slice(0, ref.indexOf(":"))}:${key}`;
  };
  const json = {
    statusDate: d.statusDate,
    levels: t.levels.map((l) => ({ type: l.type, items: l.items, shallowCovered: l.shallowCovered, deepCovered: l.deepCovered, gaps: l.gaps, inCycle: l.inCycle })),
    uncovered, inactive, findings: structural, suspects: t.suspects.map((s) => s.link), linkRevisions: t.linkRevisions,
    acknowledgementGaps: gaps.map((a) => ({ requirement: a.requirementId, pending: a.pending })),
    unlinkedParents: d.trace.unlinkedParents,
    keys: {} as Record<string, string>,
  };
  // `keys`: the key of every item the output names by id (ids stay where they are).
  for (const ref of [...uncovered, ...t.levels.flatMap((l) => l.inCycle), ...inactive.map((i) => i.item), ...structural.flatMap((f) => f.items),
    ...t.suspects.flatMap((s) => [s.from, s.to]), ...t.linkRevisions.flatMap((r) => [r.from, r.to]), ...gaps.map((a) => `requirement:${a.requirementId}`),
    ...d.trace.unlinkedParents.flatMap((u) => [`requirement:${u.requirement}`, `requirement:${u.parent}`])]) name(ref);
  for (const [ref, key] of [...named].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) Object.defineProperty(json.keys, ref, { value: key, enumerable: true });
  // Nothing to trace is said in one line (as score, evm, rollout do), not as a 0/0 line per level read as measured.
  if (t.levels.every((l) => l.items === 0) && t.suspects.length === 0 && stale.length === 0 && gaps.length === 0 && inactive.length === 0 && structural.length === 0) {
    return { json, text: ["no requirements to trace: the database has none, so there is no coverage to measure"], findings };
  }
  const text: string[] = [];
  // A level with no items has no coverage to show (JSON keeps every level of the rules).
  // Items in a loop of covering links are neither deep-covered nor deep-uncovered: named on the level's line.
  // Items in the text by key (`FR-107`; the id when an item has none), as the report's matrix and lists name them;
  // findings keep the `kind:key` of their message (`name`), as the report's findings do.
  const p = (ref: string) => { name(ref); return printable(keys.get(ref) ?? ref.slice(ref.indexOf(":") + 1)); };
  // Lists in key order, numbers by value (REQ-2 before REQ-10): the analysis orders by id, an import's UUIDs.
  const list = (refs: readonly string[]) => refs.map(p).sort(naturalKeyOrder).join(", ");
  for (const l of t.levels) if (l.items > 0) text.push(`${printable(l.type).padEnd(14)} ${l.shallowCovered}/${l.items} shallow, ${l.deepCovered}/${l.items} deep${l.inCycle.length > 0 ? `, ${l.inCycle.length} in a cycle (${list(l.inCycle)})` : ""}`);
  text.push(`uncovered: ${uncovered.length}${uncovered.length > 0 ? ` (${list(uncovered)})` : ""}`);
  if (inactive.length > 0) text.push(`inactive, not traced: ${inactive.length} (${inactive.map((i) => `${p(i.item)} ${printable(i.status)}`).sort(naturalKeyOrder).join(", ")})`);
  // `severity: message`, as the report's list of findings writes them; findings that differ only in their item share a line.
  for (const line of traceFindingLines(structural, name)) text.push(printable(line));
  const unlinked = d.trace.unlinkedParents.map((u) => `${p(`requirement:${u.requirement}`)} → ${p(`requirement:${u.parent}`)}`).sort(naturalKeyOrder);
  if (unlinked.length > 0) text.push(`warning: ${unlinked.length} ${unlinked.length === 1 ? "requirement names a parent" : "requirements name a parent"} in parentId that no derives or refines link joins, so the analysis does not see it (add the links): ${unlinked.join(", ")}`);
  for (const s of t.suspects) text.push(`suspect ${printable(s.link)} (${p(s.from)} ${printable(s.linkType)} ${p(s.to)})`);
  for (const r of stale) text.push(`${r.status} ${printable(r.link)} (${p(r.from)} ${printable(r.linkType)} ${p(r.to)}): pins revision ${r.linkRevision}, ${p(r.to)} is at revision ${r.itemRevision}`);
  text.push(`acknowledgement gaps: ${gaps.length}`);
  return { json, text, findings };
}
