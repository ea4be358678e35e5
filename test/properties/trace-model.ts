import fc from "fast-check";
import type { TraceInput, TraceItemKind, TraceLinkInput } from "../../src/traceability/index.js";

/*
 * Random trace graphs for the traceability properties, and an independent model of coverage under the default item
 * rules (docs/traceability.md §2): shallow = every need met by enough distinct items of an accepted type through an
 * accepted link type (self-links and links with a missing end count for nothing); deep = `cycle` when the item is in
 * or depends on a loop of counted links, else `uncovered` when it or anything it depends on is not shallow-covered.
 */

const REQ_TYPES = ["business", "stakeholder", "functional", "non-functional", "transition"] as const;
const ART_TYPES = ["code", "design", "document", "other"] as const;
const LINK_TYPES = ["derives", "refines", "implements", "satisfies", "verifies", "depends-on"] as const;
const BUILDS = ["code", "database-change", "operations-change", "configuration"];

interface Need { readonly name: string; readonly anyOf: readonly string[]; readonly via: readonly string[]; readonly min: number }
/** Needs per item type: a rule set's `items` in short. */
export type NeedsByType = Readonly<Record<string, readonly Need[]>>;

/** The default item rules' needs, restated (DEFAULT_TRACE_RULES): no loop of covering links is possible under them. */
export const DEFAULT_NEEDS: NeedsByType = {
  business: [{ name: "derived", anyOf: ["stakeholder", "functional", "non-functional", "transition"], via: ["derives", "refines"], min: 1 }],
  stakeholder: [{ name: "functional", anyOf: ["functional"], via: ["refines", "derives"], min: 1 }],
  functional: [{ name: "implementation", anyOf: BUILDS, via: ["implements"], min: 1 }, { name: "test", anyOf: ["test-case"], via: ["verifies"], min: 1 }],
  "non-functional": [{ name: "realisation", anyOf: [...BUILDS, "design", "document"], via: ["implements", "satisfies"], min: 1 }],
  transition: [{ name: "realisation", anyOf: [...BUILDS, "design", "document"], via: ["implements", "satisfies"], min: 1 }],
  "test-case": [],
};

/**
 * Rules under which loops of covering links happen: requirements cover each other through `refines` and `derives`,
 * a functional requirement needs two distinct tests (quorum), a test case needs a design (items with no rule:
 * artifacts).
 */
export const LOOPY_NEEDS: NeedsByType = {
  business: [{ name: "derived", anyOf: ["functional", "stakeholder"], via: ["derives"], min: 1 }],
  stakeholder: [{ name: "refined", anyOf: ["business", "functional"], via: ["refines"], min: 1 }],
  functional: [{ name: "refined", anyOf: ["stakeholder", "functional"], via: ["refines", "derives"], min: 1 }, { name: "tests", anyOf: ["test-case"], via: ["verifies"], min: 2 }],
  "test-case": [{ name: "design", anyOf: ["design"], via: ["satisfies"], min: 1 }],
};

/** Requirement types to draw under {@link LOOPY_NEEDS} (non-functional has no rule there). */
export const LOOPY_TYPES: readonly string[] = ["business", "stakeholder", "functional", "functional", "non-functional"];

/** A rule set input for `needs`. */
export function rulesOf(needs: NeedsByType) {
  return { items: Object.entries(needs).map(([type, ns]) => ({ type, ...(ns.length > 0 ? { needs: ns.map((n) => ({ ...n, anyOf: [...n.anyOf], via: [...n.via] })) } : {}) })) };
}

/** A generated graph: its input and every item's kind, id and type. */
export interface TraceCase {
  readonly input: TraceInput & { readonly links: readonly TraceLinkInput[] };
  readonly items: readonly { readonly kind: TraceItemKind; readonly id: string; readonly type: string }[];
}

/** Up to 5 requirements, 3 artifacts, 3 test cases and 20 links (some to unknown ids, some repeated, some back again, some self-links). */
export const traceCase: fc.Arbitrary<TraceCase> = traceCaseOf(REQ_TYPES);

/** As {@link traceCase}, requirement types drawn from `reqTypes`. */
export function traceCaseOf(reqTypes: readonly string[]): fc.Arbitrary<TraceCase> {
  return fc.record({
    reqs: fc.array(fc.constantFrom(...reqTypes), { maxLength: 5, size: "max" }),
    arts: fc.array(fc.constantFrom(...ART_TYPES), { maxLength: 3 }),
    tests: fc.integer({ min: 0, max: 3 }),
    links: fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 11 }), fc.constantFrom(...LINK_TYPES, "derives", "refines", "refines", "verifies", "implements"), fc.integer({ min: 0, max: 14 }), fc.constantFrom("derives", "refines")), { maxLength: 20, size: "max" }),
  })
  .map(({ reqs, arts, tests, links }): TraceCase => {
    const items = [
      ...reqs.map((type, i) => ({ kind: "requirement" as const, id: `R${i}`, type })),
      ...arts.map((type, i) => ({ kind: "artifact" as const, id: `A${i}`, type })),
      ...Array.from({ length: tests }, (_, i) => ({ kind: "test-case" as const, id: `T${i}`, type: "test-case" })),
    ];
    const ghost = { kind: "requirement" as const, id: "GHOST", type: "functional" };
    const pick = (n: number, unknown: boolean) => (unknown || items.length === 0 ? ghost : items[n % items.length]!);
    const made: TraceLinkInput[] = [];
    links.forEach(([f, t, linkType, roll, back], k) => {
      const from = pick(f, roll === 0);
      const to = pick(t, roll === 1);
      const link = { id: `L${k}`, from: { kind: from.kind, id: from.id }, to: { kind: to.kind, id: to.id }, linkType };
      made.push(link);
      if (roll === 2) made.push({ ...link, id: `L${k}b` }); // the same from–type–to again
      if (roll >= 3 && roll <= 5) made.push({ id: `L${k}r`, from: link.to, to: link.from, linkType: back }); // and back: loops
    });
    return {
      items,
      input: {
        requirements: items.filter((i) => i.kind === "requirement").map((i) => ({ id: i.id, key: i.id, type: i.type, title: i.id, statement: `Statement of ${i.id}` })),
        artifacts: items.filter((i) => i.kind === "artifact").map((i) => ({ id: i.id, artifactType: i.type, name: i.id })),
        testCases: items.filter((i) => i.kind === "test-case").map((i) => ({ id: i.id, key: i.id, title: i.id })),
        links: made,
      },
    };
  });
}

export interface ModelCoverage {
  readonly shallow: boolean;
  readonly deep: "covered" | "uncovered" | "cycle";
}

/** Shallow and deep coverage of every item with a rule, by `kind:id`, computed by brute force. */
export function modelCoverage(c: TraceCase, NEEDS: NeedsByType = DEFAULT_NEEDS): Map<string, ModelCoverage> {
  const key = (kind: string, id: string) => `${kind}:${id}`;
  const typeOf = new Map(c.items.map((i) => [key(i.kind, i.id), i.type]));
  const keys = [...typeOf.keys()];
  // deps.get(v) = distinct items whose links count for some need of v
  const counted = new Map<string, Set<string>[]>();
  for (const k of keys) counted.set(k, (NEEDS[typeOf.get(k)!] ?? []).map(() => new Set<string>()));
  for (const l of c.input.links) {
    const f = key(l.from.kind, l.from.id);
    const t = key(l.to.kind, l.to.id);
    if (f === t || !typeOf.has(f) || !typeOf.has(t)) continue;
    (NEEDS[typeOf.get(t)!] ?? []).forEach((n, i) => {
      if (n.via.includes(l.linkType) && n.anyOf.includes(typeOf.get(f)!)) counted.get(t)![i]!.add(f);
    });
  }
  const deps = new Map(keys.map((k) => [k, new Set(counted.get(k)!.flatMap((s) => [...s]))]));
  const reaches = (from: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [...deps.get(from)!];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(...deps.get(x)!);
    }
    return seen;
  };
  const reach = new Map(keys.map((k) => [k, reaches(k)]));
  const shallow = new Map(keys.map((k) => [k, counted.get(k)!.every((s, i) => s.size >= NEEDS[typeOf.get(k)!]![i]!.min)]));
  const out = new Map<string, ModelCoverage>();
  for (const k of keys) {
    if (NEEDS[typeOf.get(k)!] === undefined) continue;
    const below = reach.get(k)!;
    const cyclic = [k, ...below].some((x) => reach.get(x)!.has(x));
    const allShallow = [k, ...below].every((x) => NEEDS[typeOf.get(x)!] === undefined || shallow.get(x));
    out.set(k, { shallow: shallow.get(k)!, deep: cyclic ? "cycle" : allShallow ? "covered" : "uncovered" });
  }
  return out;
}

/** `xs` reordered by `keys` (one sort key per element, ties keep order). */
export function permuted<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs.map((x, i) => ({ x, k: keys[i % Math.max(1, keys.length)] ?? 0, i })).sort((a, b) => a.k - b.k || a.i - b.i).map((e) => e.x);
}
