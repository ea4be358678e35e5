import { checkArguments, ValidationError } from "../../core/index.js";
import type { TraceFinding } from "../../traceability/index.js";
import { nameRefs, naturalKeyOrder } from "./shared.js";

/**
 * The structural findings of a traceability analysis as lines `severity: message`, items named by `label` (`kind:id` →
 * what the reader sees, e.g. `requirement:REQ-11`). Findings that differ only in their item share one line: orphans of
 * one kind and level (`warning: 16 requirements (functional) with no parent of type business|stakeholder: …`) and links
 * of one undeclared type, named by their ends (`info: 9 links use link type custom:realizes, …: requirement:REQ-18 →
 * requirement:REQ-2, …`) — a flat ReqIF file gave one line per requirement. A single one keeps its own line; other
 * findings keep theirs, in the order given, before the grouped lines.
 *
 * @throws {ValidationError} when a finding has no string message or no lists of items and links (at
 *   `["findings", i, key]`).
 * @example
 * ```ts
 * const keys = new Map([["requirement:prj-x:_3Uqa8", "REQ-11"]]);
 * traceFindingLines(result.findings, (ref) => (keys.has(ref) ? `requirement:${keys.get(ref)}` : ref));
 * // ["warning: requirement:REQ-11 (functional) has no parent of type business|stakeholder"]
 * ```
 */
export function traceFindingLines(findings: readonly TraceFinding[], label: (ref: string) => string): string[] {
  checkArguments("traceFindingLines", { findings: [findings, "object[]"], label: [label, "function"] });
  // A finding is read by its message, items and links: another shape threw a TypeError ("refs is not iterable").
  findings.forEach((f, i) => {
    for (const [key, ok] of [["message", typeof f.message === "string"], ["items", Array.isArray(f.items)], ["links", Array.isArray(f.links)]] as const) {
      if (!ok) throw ValidationError.single(["findings", i, key], key === "message" ? "expected a string" : "expected a list of references", "traceFindingLines");
    }
  });
  const lines: string[] = [];
  const groups = new Map<string, { one: string[]; subjects: string[] }>();
  for (const f of findings) {
    const line = `${f.severity}: ${nameRefs(f.message, f.items, label)}`;
    const [item, to] = f.items;
    const link = f.links[0];
    let head: string | undefined;
    let subject = "";
    if (f.check === "orphan" && item !== undefined && f.message.startsWith(item)) {
      head = `${item.slice(0, item.indexOf(":"))}s${f.message.slice(item.length).replace(" has no ", " with no ").replace(" covers nothing", " covering nothing")}`;
      subject = label(item);
    } else if (f.check === "unknown-link-type" && link !== undefined && item !== undefined && to !== undefined && f.message.startsWith(link)) {
      head = `links${f.message.slice(link.length).replace(" uses ", " use ")}`;
      subject = `${label(item)} → ${label(to)}`;
    }
    if (head === undefined) { lines.push(line); continue; }
    const key = `${f.severity}\u0000${head}`;
    const g = groups.get(key) ?? groups.set(key, { one: [], subjects: [] }).get(key)!;
    g.one.push(line);
    g.subjects.push(subject);
  }
  for (const [key, g] of groups) {
    const [severity, head] = key.split("\u0000") as [string, string];
    lines.push(g.one.length === 1 ? g.one[0]! : `${severity}: ${g.one.length} ${head}: ${g.subjects.sort(naturalKeyOrder).join(", ")}`);
  }
  return lines;
}
