import { ValidationError, checkArguments, type ValidationIssue } from "../core/index.js";
import { cmp } from "./order.js";
import { runResultIssue } from "./options.js";
import { defineTraceRules, typeFieldIssue, type TraceRules, type TraceRulesInput } from "./rules.js";
import { TraceStore } from "./store.js";
import { ACK_TIMES, ITEM_TIMES, LINK_TIMES, RUN_TIMES, canonicalInstant, canonicalTimes, instantIssue, timeIssues } from "./times.js";
import type { AcknowledgementInput, TraceEntity, TraceInput, TraceItem, TraceItemKind, TraceLinkInput } from "./types.js";

/*
 * Building the trace graph: one pass over the items (fingerprinting each), one over the links (resolving both ends
 * through a hash map once), so the build is O(items + links). Duplicates and links to missing items are kept for the
 * structural checks rather than refused, so a messy repository can still be analysed.
 */

export const KINDS: readonly [keyof TraceInput, TraceItemKind][] = [
  ["requirements", "requirement"],
  ["artifacts", "artifact"],
  ["testCases", "test-case"],
  ["testRuns", "test-run"],
  ["defects", "defect"],
];
const END_KINDS = new Set<string>(KINDS.map((k) => k[1]));

/** One link as seen from an item: its id, type, the label read from this side and the item at the other end. */
export interface TraceNeighbour {
  /** Link id. */
  readonly linkId: string;
  /** Link type (`verifies`). */
  readonly linkType: string;
  /** The label from this item's side: the type when outgoing, its inverse (`verified by`) when incoming. */
  readonly label: string;
  /** `kind:id` of the other end. */
  readonly other: string;
}

/**
 * The trace graph: items with fingerprints and typed links resolved to integer indices. Build it with
 * {@link buildTraceGraph}; analyse it with `analyzeTraceGraph`.
 *
 * @example
 * ```ts
 * const graph = buildTraceGraph({ requirements, testCases, links });
 * graph.item("requirement:FR-101")?.fingerprint; // 64 hex digits
 * graph.incoming("requirement:FR-101").map((n) => n.label); // ["verified by", "verified by", …]
 * ```
 */
export class TraceGraph {
  /** @internal */
  readonly store: TraceStore;
  /** @internal */
  acknowledgements: AcknowledgementInput[];

  /** @internal */
  constructor(store: TraceStore, acks: AcknowledgementInput[]) {
    this.store = store;
    this.acknowledgements = acks;
  }

  /** The rule set the graph was built with. */
  get rules(): TraceRules {
    return this.store.rules;
  }

  /** Number of items. */
  get size(): number {
    return this.store.items.length;
  }

  /** Every item, in build order. */
  items(): readonly TraceItem[] {
    return this.store.items;
  }

  /** The item with this `kind:id`, if present. */
  item(key: string): TraceItem | undefined {
    const v = this.store.index.get(key);
    return v === undefined ? undefined : this.store.items[v];
  }

  /** Links leaving the item (it is the `from` end), with types. */
  outgoing(key: string): TraceNeighbour[] {
    return this.neighbours(key, true);
  }

  /** Links arriving at the item (it is the `to` end), labelled with the inverse names. */
  incoming(key: string): TraceNeighbour[] {
    return this.neighbours(key, false);
  }

  private neighbours(key: string, out: boolean): TraceNeighbour[] {
    const s = this.store;
    const v = s.index.get(key);
    if (v === undefined) return [];
    return ((out ? s.out[v] : s.inn[v]) as number[])
      .filter((l) => s.alive[l] === 1)
      .map((l) => {
        const link = s.links[l]!;
        const def = s.reg.def(link.type);
        return { linkId: link.id, linkType: def.name, label: out ? def.name : def.inverse, other: out ? link.toKey : link.fromKey };
      })
      .sort((a, b) => cmp(a.linkId, b.linkId));
  }
}

/**
 * Builds the trace graph from requirements, artifacts, test cases, runs, defects and trace links (memory form). Test
 * runs are joined to their test case (`executes`) and defects to their requirements (`affects`) and run (`found-in`)
 * without needing trace links. Item ids resolve once, in O(items + links).
 *
 * @throws {ValidationError} when a record has no string id, a link lacks its ends or type (paths like
 *   `["links", 3, "to", "id"]`) or a time (`updatedAt`, a run's `executedAt`, a link's `createdAt`/`reviewedAt`, an
 *   acknowledgement's `acknowledgedAt`, `changedAt`) is not a UTC instant. Times are compared in canonical form
 *   (`2026-11-20T10:00:00.000Z`), whatever form they were given in. Duplicates and links to missing items are not
 *   errors here: the structural checks report them (a duplicate with the input position of every copy; the first is
 *   used).
 * @example
 * ```ts
 * const graph = buildTraceGraph({ requirements, testCases, testRuns, links }, defineTraceRules(DEFAULT_TRACE_RULES));
 * graph.incoming("requirement:FR-101"); // [{ linkId: "tl-TC-001-verifies-FR-101", label: "verified by", … }]
 * ```
 */
export function buildTraceGraph(input: TraceInput, rules: TraceRules | TraceRulesInput = {}): TraceGraph {
  checkArguments("buildTraceGraph", { input: [input, "object"], rules: [rules, "object"] });
  const r = "severityOf" in rules ? (rules as TraceRules) : defineTraceRules(rules as TraceRulesInput);
  checkInput(input, r);
  const store = new TraceStore(r);
  const changed = input.changedAt ?? {};
  // Each node's position in its input list, so a repeated id names where every copy is (the first is used).
  const positions: number[] = [];
  for (const [field, kind] of KINDS) {
    ((input[field] as readonly TraceEntity[] | undefined) ?? []).forEach((given, i) => {
      const e = kind === "test-run" ? canonicalTimes(given, RUN_TIMES) : given;
      const key = `${kind}:${e.id}`;
      const at = canonicalInstant(changed[key] ?? (e.updatedAt as string | undefined));
      const ch = store.upsert(kind, e, at, true, canonicalInstant(input.triggerChangedAt?.[key]));
      if (ch.added) positions[ch.node] = i;
      else {
        const copies = store.duplicateItems.get(key) ?? [[field, positions[ch.node] as number]];
        copies.push([field, i]);
        store.duplicateItems.set(key, copies);
      }
    });
  }
  for (const given of input.links ?? []) {
    const l = canonicalTimes(given, LINK_TIMES);
    store.addLink(l.id, l.from.kind, l.from.id, l.to.kind, l.to.id, l.linkType, l);
  }
  return new TraceGraph(store, (input.acknowledgements ?? []).map((a) => canonicalTimes(a, ACK_TIMES)));
}

const TRACE_INPUT_KEYS = {
  requirements: 1, artifacts: 1, testCases: 1, testRuns: 1, defects: 1, links: 1, acknowledgements: 1, changedAt: 1, triggerChangedAt: 1,
} satisfies Record<keyof TraceInput, 1>;

function checkInput(input: TraceInput, rules: TraceRules): void {
  const issues = inputIssues(input, rules);
  if (issues.length > 0) throw new ValidationError(issues, "trace input");
}

/** @internal The problems of a trace input (at most 100), each with its path: what the build refuses, and an edit too. */
export function inputIssues(input: TraceInput, rules: TraceRules): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // At most 100 issues; each check's own issue (with its path) is taken as it comes.
  const put = (issue: ValidationIssue | undefined) => {
    if (issue && issues.length < 100) issues.push(issue);
  };
  const bad = (path: (string | number)[], message: string) => put({ path, message, code: "custom" });
  for (const [field, kind] of KINDS) {
    const list = input[field] as unknown;
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      bad([field], "expected an array");
      continue;
    }
    list.forEach((e: unknown, i) => {
      if (typeof e !== "object" || e === null || typeof (e as { id?: unknown }).id !== "string") bad([field, i, "id"], "expected a string id");
      else {
        if (field === "testRuns") put(runResultIssue(e, [field, i]));
        timeIssues(e, field === "testRuns" ? RUN_TIMES : ITEM_TIMES, [field, i]).forEach(put);
        put(typeFieldIssue(rules, kind, e, [field, i]));
      }
    });
  }
  const links = input.links as unknown;
  if (links !== undefined && !Array.isArray(links)) bad(["links"], "expected an array");
  else
    (links as readonly TraceLinkInput[] | undefined)?.forEach((l, i) => {
      if (typeof l !== "object" || l === null || typeof l.id !== "string") return bad(["links", i, "id"], "expected a string id");
      for (const end of ["from", "to"] as const) {
        const e = l[end] as unknown as { kind?: unknown; id?: unknown } | undefined;
        if (typeof e !== "object" || e === null) bad(["links", i, end], "expected { kind, id }");
        else {
          if (typeof e.kind !== "string" || !END_KINDS.has(e.kind)) bad(["links", i, end, "kind"], "expected requirement, artifact, test-case, test-run or defect");
          if (typeof e.id !== "string") bad(["links", i, end, "id"], "expected a string id");
        }
      }
      if (typeof l.linkType !== "string") bad(["links", i, "linkType"], "expected a link type");
      timeIssues(l, LINK_TIMES, ["links", i]).forEach(put);
    });
  const acks = input.acknowledgements as unknown;
  if (acks !== undefined && !Array.isArray(acks)) bad(["acknowledgements"], "expected an array");
  else (acks as unknown[] | undefined)?.forEach((a, i) => {
    const x = a as Partial<AcknowledgementInput> | null;
    if (!x || typeof x.requirementId !== "string" || typeof x.fingerprint !== "string" || typeof x.audienceRole !== "string" || typeof x.personId !== "string") {
      bad(["acknowledgements", i], "expected requirementId, audienceRole, personId and fingerprint");
    } else {
      timeIssues(x, ACK_TIMES, ["acknowledgements", i], true).forEach(put);
    }
  });
  // A misspelt list (`acknowledgments`) was read as none: every acknowledgement pending, every run missing.
  const unknown = Object.keys(input).filter((k) => !Object.hasOwn(TRACE_INPUT_KEYS, k));
  if (unknown.length > 0) {
    put({ path: [], code: "unrecognized_keys", message: `Unrecognized key${unknown.length === 1 ? "" : "s"}: ${unknown.map((k) => JSON.stringify(k)).join(", ")} (a trace input has ${Object.keys(TRACE_INPUT_KEYS).join(", ")})` });
  }
  for (const field of ["changedAt", "triggerChangedAt"] as const) {
    for (const [key, at] of Object.entries((input[field] as Record<string, unknown> | undefined) ?? {})) put(instantIssue(at, [field, key]));
  }
  return issues;
}
