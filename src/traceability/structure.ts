import { F_CYCLE, F_IMPLICIT, linkFlags, type Compiled } from "./compiled.js";
import { cmp } from "./order.js";
import { acceptMask } from "./coverage.js";
import type { StructureCheck } from "./rules.js";
import { components, membersOf, type Successors } from "./scc.js";
import type { TraceStore } from "./store.js";
import type { AcknowledgementInput, TraceSeverity } from "./types.js";

/*
 * Structural checks over the live graph, one O(items + links) pass: dangling links, duplicate items and links,
 * self-links, cycles (each with one concrete path), orphans and links of a type not allowed between the two item
 * types; and acknowledgements that count for nothing (a missing requirement, an audience it does not list). Every
 * finding states the severity the rule set gives its check.
 */

/** One structural problem. */
export interface TraceFinding {
  /** The check that found it. */
  readonly check: StructureCheck;
  /** Its severity, as configured. */
  readonly severity: TraceSeverity;
  /** Plain-words description. */
  readonly message: string;
  /** Items involved (`kind:id`). */
  readonly items: readonly string[];
  /** Links involved (ids). */
  readonly links: readonly string[];
  /** For a cycle: the items around it, first repeated at the end. */
  readonly path?: readonly string[];
  /** For a dangling link: which end is missing (`from`, `to` or `both`). */
  readonly missingEnd?: "from" | "to" | "both";
  /** For a duplicate item or link: how many times it is given (the first copy included). */
  readonly count?: number;
  /** For a duplicate item: the input position of every copy (`["requirements", 0]`), in input order; the first is used. */
  readonly paths?: readonly (readonly [string, number])[];
  /** For a dangling acknowledgement or an unknown audience: the acknowledgement's id. */
  readonly acknowledgements?: readonly string[];
}

export function checkStructure(store: TraceStore, c: Compiled, acks: readonly AcknowledgementInput[]): TraceFinding[] {
  const out: TraceFinding[] = [];
  const sev = c.rules.severityOf;
  const add = (check: StructureCheck, message: string, items: string[], links: string[], more?: Pick<TraceFinding, "path" | "missingEnd" | "count" | "acknowledgements" | "paths">) =>
    out.push({ check, severity: sev[check], message, items, links, ...more });

  for (const [key, copies] of store.duplicateItems) {
    const at = copies.map(([f, i]) => `${f}[${i}]`);
    const used = store.editedDuplicates.has(key) ? "an edit has replaced it since" : `the first, ${at[0]}, is used`;
    add("duplicate-item", `${key} is given ${copies.length} times (${at.join(", ")}); ${used}`, [key], [], { count: copies.length, paths: copies });
  }
  // Links with a missing end are not wired into the adjacency lists: their repeats are found by key (issue 12 #2).
  const danglingByKey = new Map<string, number[]>();
  /** One duplicate-link finding for links `ls` (one from–type–to, two or more). */
  const duplicates = (ls: number[]) => {
    const s = store.links[ls[0] as number]!;
    add("duplicate-link", `${s.fromKey} ${store.reg.def(s.type).name} ${s.toKey} is linked ${ls.length} times`, [s.fromKey, s.toKey], ls.map((l) => store.links[l]!.id).sort(cmp), { count: ls.length });
  };

  const n = store.items.length;
  const lf = linkFlags(store, c);
  // Per link type: declared or not (undefined until first asked).
  const declared: (boolean | undefined)[] = [];
  const selfLoop = new Set<number>();
  for (let l = 0; l < store.links.length; l++) {
    if (store.alive[l] !== 1) continue;
    const f = store.from[l] as number;
    const t = store.to[l] as number;
    const type = store.ltype[l] as number;
    const implicit = ((lf[l] as number) & F_IMPLICIT) !== 0;
    const s = store.links[l]!;
    // Keys are built only for a dangling link (a live end's key is its node's).
    if (f >= 0 ? f === t : s.fromKey === s.toKey) {
      add("self-link", `${s.id} links ${s.fromKey} to itself`, [s.fromKey], [s.id]);
      // A self-link of a cycle type makes its item a one-member cycle.
      if (f >= 0 && (lf[l] as number) & F_CYCLE) selfLoop.add(f);
    }
    if (f < 0 || t < 0) {
      const fromMissing = !store.index.has(s.fromKey);
      const toMissing = !store.index.has(s.toKey);
      const missingEnd = fromMissing && toMissing ? "both" : fromMissing ? "from" : "to";
      const missing = missingEnd === "both" ? (s.fromKey === s.toKey ? [s.fromKey] : [s.fromKey, s.toKey]) : [fromMissing ? s.fromKey : s.toKey];
      const what = missingEnd === "both" ? `source ${s.fromKey} and target ${s.toKey}` : fromMissing ? `source ${s.fromKey}` : `target ${s.toKey}`;
      add("dangling-link", `${s.id} (${store.reg.def(type).name}) refers to a missing ${what}`, missing, [s.id], { missingEnd });
      const key = `${s.fromKey}\u0000${type}\u0000${s.toKey}`;
      const same = danglingByKey.get(key);
      if (same) same.push(l);
      else danglingByKey.set(key, [l]);
      continue;
    }
    if (!implicit && !(declared[type] ??= store.reg.isDeclared(type))) {
      add("unknown-link-type", `${s.id} uses link type ${store.reg.def(type).name}, which the rules do not declare`, [s.fromKey, s.toKey], [s.id]);
    }
    if (c.allowed && !implicit) {
      const ft = store.items[f]!.type;
      const tt = store.items[t]!.type;
      const name = store.reg.def(type).name;
      if (!c.allowed.has(`${ft}|${name}|${tt}`)) {
        add("disallowed-link", `${s.id}: a ${ft} may not ${name} a ${tt}`, [s.fromKey, s.toKey], [s.id]);
      }
    }
  }
  // Repeated (from, to, type): each item's outgoing links sorted by (to, type), neighbours compared.
  // Most items have no repeated target: a stamp per target finds those quickly, and only they are sorted.
  const seenAt = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    const out = store.out[v] as number[];
    if (out.length < 2) continue;
    let repeated = false;
    for (let k = 0; k < out.length; k++) {
      const t = store.to[out[k] as number] as number;
      if (seenAt[t] === v) {
        repeated = true;
        break;
      }
      seenAt[t] = v;
    }
    if (!repeated) continue;
    const sorted = [...out].sort((a, b) => (store.to[a] as number) - (store.to[b] as number) || (store.ltype[a] as number) - (store.ltype[b] as number));
    for (let i = 0; i < sorted.length; ) {
      let j = i + 1;
      const a = sorted[i] as number;
      while (j < sorted.length && store.to[sorted[j] as number] === store.to[a] && store.ltype[sorted[j] as number] === store.ltype[a]) j++;
      if (j - i > 1) duplicates(sorted.slice(i, j));
      i = j;
    }
  }
  for (const ls of danglingByKey.values()) if (ls.length > 1) duplicates(ls);
  for (const [id, ls] of store.linkIndex) {
    if (typeof ls !== "number") add("duplicate-link", `link id ${id} is used ${ls.length} times`, [], [id], { count: ls.length });
  }

  // Orphans from the needs (rules.orphans = "needs"): the types some need asks for must cover something.
  const neededTypes = c.rules.orphans === "needs" ? new Set([...c.byType.values()].flatMap((r) => r.needs.flatMap((nd) => [...nd.anyOf]))) : undefined;
  for (let v = 0; v < n; v++) {
    const item = store.items[v]!;
    // A retired item needs no parent and need not cover anything.
    if (item.inactive !== undefined) continue;
    const rule = c.byType.get(item.type);
    if (neededTypes !== undefined && neededTypes.has(item.type) && !rule?.root && !rule?.parents) {
      const covers = (store.out[v] as number[]).some((l) => {
        const t = store.to[l] as number;
        // A retired target (rejected, obsolete) needs nothing: covering it is covering nothing.
        const target = t >= 0 && t !== v && store.items[t]!.inactive === undefined ? c.byType.get(store.items[t]!.type) : undefined;
        return store.alive[l] === 1 && target !== undefined && acceptMask(store, target, store.ltype[l] as number, item.type) !== 0;
      });
      if (!covers) add("orphan", `${item.key} (${item.type}) covers nothing that needs a ${item.type}`, [item.key], []);
      continue;
    }
    if (!rule || rule.root || !rule.parents) continue;
    const p = rule.parents;
    // A retired parent (rejected, obsolete) justifies nothing any more: named in the finding, not counted.
    let retired: Set<string> | undefined;
    const has = (store.out[v] as number[]).some((l) => {
      const t = store.to[l] as number;
      // An item is not its own parent: a self-link justifies nothing.
      const parent = store.alive[l] === 1 && t >= 0 && t !== v && p.via.has(store.ltype[l] as number) ? store.items[t]! : undefined;
      if (!parent || !p.anyOf.has(parent.type)) return false;
      if (parent.inactive !== undefined) (retired ??= new Set()).add(`${parent.key} is ${parent.entity.status === parent.inactive ? "" : "tagged "}${parent.inactive}`);
      return parent.inactive === undefined;
    });
    const gone = retired ? ` (${[...retired].sort(cmp).join(", ")})` : "";
    if (!has) add("orphan", `${item.key} (${item.type}) has no ${gone ? "active " : ""}parent of type ${[...p.anyOf].join("|")}${gone}`, [item.key], []);
  }

  // An acknowledgement counts only for an audience its requirement lists: any other is reported, never dropped unseen.
  for (const a of acks) {
    const v = store.nodeOf("requirement", a.requirementId);
    // Audiences are checked where they enter: a list of roles, or absent.
    const list = ((v === undefined ? 0 : store.items[v]!.entity.audiences) || []) as string[];
    if (v !== undefined && list.includes(a.audienceRole)) continue;
    const key = `requirement:${a.requirementId}`;
    const who = `acknowledgement ${a.id} (${a.personId} for ${a.audienceRole})`;
    if (v === undefined) add("dangling-acknowledgement", `${who} names a missing requirement ${key}`, [key], [], { acknowledgements: [a.id] });
    else add("unknown-audience", `${who}: ${key} lists no audience ${a.audienceRole} (it lists ${list.join(", ") || "none"})`, [key], [], { acknowledgements: [a.id] });
  }

  const succ: Successors = { adj: store.out, next: (l) => (((lf[l] as number) & F_CYCLE) !== 0 ? (store.to[l] as number) : -1) };
  const cs = components(n, null, succ);
  const sorted = new Map<number, number[]>();
  for (let ci = 0; ci < cs.count; ci++) {
    const ms = membersOf(cs, ci);
    if (ms.length > 1 || selfLoop.has(ms[0] as number)) sorted.set(ci, []);
  }
  // Members of each cycle in key order, from the store's key order in one pass (no sort per cycle).
  if (sorted.size > 0) for (const v of store.keyOrder()) sorted.get(cs.compOf[v] as number)?.push(v);
  for (const [ci, members] of sorted) {
    const path = cyclePath(store, members[0] as number, cs.compOf, ci, succ);
    add("cycle", `cycle: ${path.keys.join(" → ")}`, members.map((v) => store.items[v]!.key), path.links, { path: path.keys });
  }
  // Sort keys built once per finding: a cycle lists thousands of items, joined per comparison they dominated the sort.
  const keyed = out.map((f) => [f.check, f.items.join(), f.links.join(), f.message, f] as const);
  return keyed.sort((x, y) => cmp(x[0], y[0]) || cmp(x[1], y[1]) || cmp(x[2], y[2]) || cmp(x[3], y[3])).map((k) => k[4]);
}

/** One concrete cycle through the component's smallest key, found breadth first inside the component. */
function cyclePath(store: TraceStore, start: number, compOf: Int32Array, ci: number, succ: Successors): { keys: string[]; links: string[] } {
  const via = new Map<number, number>();
  const queue = [start];
  let closing = -1;
  for (let i = 0; i < queue.length && closing < 0; i++) {
    const v = queue[i] as number;
    // Sorted, so the path reported does not depend on the order links were added or removed.
    const edges = succ.adj[v]!.filter((l) => {
      const w = succ.next(l, v);
      return w >= 0 && compOf[w] === ci;
    });
    // Repeated link ids tie on the target's key (C-1 → FR-1 and C-1 → TC-1 both c0 named a cycle by input order).
    if (edges.length > 1) edges.sort((a, b) => cmp(store.links[a]!.id, store.links[b]!.id) || cmp(store.items[store.to[a] as number]!.key, store.items[store.to[b] as number]!.key) || a - b);
    for (const l of edges) {
      const w = succ.next(l, v);
      if (w === start) {
        closing = l;
        break;
      }
      if (!via.has(w)) {
        via.set(w, l);
        queue.push(w);
      }
    }
  }
  const links: number[] = [closing];
  let v = store.from[closing] as number;
  while (v !== start) {
    const l = via.get(v) as number;
    links.push(l);
    v = store.from[l] as number;
  }
  links.reverse();
  const keys = [store.items[start]!.key, ...links.map((l) => store.items[store.to[l] as number]!.key)];
  return { keys, links: links.map((l) => store.links[l]!.id) };
}
