import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_FINGERPRINT_FIELDS, analyzeTraceGraph, buildTraceGraph, fingerprintOf, requirementFingerprint, type TraceInput } from "../../src/traceability/index.js";

/*
 * Independent oracles for what oracles.test.ts does not cover: the roll-up of test evidence up the chain (business
 * need → requirement → test → run) with STALE judged against every change above, and direct and transitive suspect
 * links. Each oracle is the documented rule written out naively over plain arrays (breadth-first walks, no
 * components, no typed arrays, no incremental state). Random graphs with cycles, self-links, dangling ends, retired
 * items, pinned revisions and runs stamped at the instant of a change. Fixed seeds, so a failure reproduces.
 */

const TIMEOUT = 60_000;
const REQ = ["R-0", "R-1", "R-2", "R-3", "R-4"];
const TST = ["T-0", "T-1", "T-2"];
const ENDS = [...REQ, ...TST, "R-9"];
const KIND = (id: string) => (id.startsWith("R") ? "requirement" : "test-case");
const TIMES = ["2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"];
const RANK = ["NOK", "NOT RUN", "UNKNOWN", "STALE", "OK", "UNCOVERED"];
const worst = (xs: readonly string[]) => xs.reduce((w, x) => (RANK.indexOf(x) < RANK.indexOf(w) ? x : w), "UNCOVERED");

const arb = fc.record({
  reqs: fc.array(fc.record({ type: fc.constantFrom("business", "functional"), retired: fc.nat(5), t: fc.nat(3), rev: fc.constantFrom(undefined, 1, 2), v: fc.nat(1) }), { minLength: 5, maxLength: 5 }),
  tests: fc.array(fc.record({ retired: fc.nat(5), t: fc.nat(3), v: fc.nat(1) }), { minLength: 3, maxLength: 3 }),
  links: fc.array(fc.record({
    from: fc.constantFrom(...ENDS), to: fc.constantFrom(...ENDS),
    type: fc.constantFrom("derives", "refines", "verifies", "verifies", "depends-on", "implements"),
    pin: fc.constantFrom(undefined, undefined, 1, 2), fp: fc.constantFrom("none", "old", "current", "current"),
    created: fc.nat(3), reviewed: fc.constantFrom(undefined, 0, 1, 2, 3),
  }), { maxLength: 14 }),
  runs: fc.array(fc.record({ tc: fc.constantFrom(...TST, "T-9"), result: fc.constantFrom("passed", "passed", "failed", "blocked", "skipped"), t: fc.nat(3) }), { maxLength: 8 }),
  // As of: a calendar date counts through the end of that UTC day; an instant up to and including it.
  asOf: fc.constantFrom(undefined, undefined, "2026-02-01", "2026-03-01T00:00:00.000Z"),
});
const asOfInstant = (a: string | undefined) => (a === undefined ? undefined : a.length === 10 ? `${a}T23:59:59.999Z` : a);
/** Whether `at` had not happened yet as of `asOf`. */
const later = (at: string, asOf: string | undefined) => asOf !== undefined && at > asOf;
type Gen = typeof arb extends fc.Arbitrary<infer T> ? T : never;

interface Item { key: string; kind: string; entity: Record<string, unknown>; active: boolean; changedAt: string; revision?: number; fp: (v: number) => string; v: number }
interface Link { id: string; from: string; to: string; type: string; pin?: number; fp: string; created: string; reviewedAt?: string }

function build(g: Gen): { input: TraceInput; items: Map<string, Item>; links: Link[] } {
  const items = new Map<string, Item>();
  g.reqs.forEach((r, i) => {
    const id = REQ[i] as string;
    const entity = (v: number) => ({ id, key: id, type: r.type, title: id, statement: `${id} version ${v}`, status: r.retired === 0 ? "obsolete" : "approved",
      updatedAt: TIMES[r.t], ...(r.rev !== undefined ? { revision: r.rev } : {}) });
    items.set(`requirement:${id}`, { key: `requirement:${id}`, kind: "requirement", entity: entity(r.v), active: r.retired !== 0, changedAt: TIMES[r.t] as string,
      ...(r.rev !== undefined ? { revision: r.rev } : {}), fp: (v) => requirementFingerprint(entity(v)), v: r.v });
  });
  g.tests.forEach((t, i) => {
    const id = TST[i] as string;
    const entity = (v: number) => ({ id, key: id, title: `${id} version ${v}`, status: t.retired === 0 ? "deprecated" : "ready", updatedAt: TIMES[t.t] });
    items.set(`test-case:${id}`, { key: `test-case:${id}`, kind: "test-case", entity: entity(t.v), active: t.retired !== 0, changedAt: TIMES[t.t] as string,
      fp: (v) => fingerprintOf(entity(v), DEFAULT_FINGERPRINT_FIELDS["test-case"]), v: t.v });
  });
  const links: Link[] = [];
  const linkInputs = g.links.map((l, i) => {
    const from = `${KIND(l.from)}:${l.from}`;
    const to = `${KIND(l.to)}:${l.to}`;
    const target = items.get(to);
    const fp = l.fp === "none" || target === undefined ? undefined : target.fp(l.fp === "current" ? target.v : 1 - target.v);
    const reviewedAt = l.reviewed === undefined ? undefined : TIMES[l.reviewed];
    const link = { id: `L${String(i).padStart(2, "0")}`, from: { kind: KIND(l.from), id: l.from }, to: { kind: KIND(l.to), id: l.to }, linkType: l.type,
      createdAt: TIMES[l.created], ...(reviewedAt ? { reviewedAt } : {}), ...(fp ? { targetFingerprint: fp } : {}), ...(l.pin !== undefined ? { targetRevision: l.pin } : {}) };
    links.push({ id: link.id, from, to, type: l.type, ...(l.pin !== undefined ? { pin: l.pin } : {}), fp: fp ?? "", created: TIMES[l.created] as string, ...(reviewedAt ? { reviewedAt } : {}) });
    return link;
  });
  const testRuns = g.runs.map((r, i) => ({ id: `RUN-${i}`, testCaseId: r.tc, result: r.result, executedAt: TIMES[r.t], environment: "sit", defectIds: [] }));
  const input = {
    requirements: [...items.values()].filter((x) => x.kind === "requirement").map((x) => x.entity),
    testCases: [...items.values()].filter((x) => x.kind === "test-case").map((x) => x.entity),
    links: linkInputs, testRuns,
  } as unknown as TraceInput;
  return { input, items, links };
}

/** A link whose pinned revision is not its target's current one covers nothing (OFT's outdated / predated). */
const pinsOther = (l: Link, items: Map<string, Item>) => l.pin !== undefined && items.get(l.to)?.revision !== undefined && items.get(l.to)?.revision !== l.pin;

describe("evidence roll-up against the documented chain rule, evaluated naively", () => {
  it("own and rolled-up status of every listed item: latest run per test, STALE against any change above, worst of everything below", () => {
    fc.assert(fc.property(arb, (g) => {
      const { input, items, links } = build(g);
      const asOf = asOfInstant(g.asOf);
      // As of a date, a later change has not happened (and the content before it is not known: no change at all).
      const changedAt = (k: string) => (later(items.get(k)!.changedAt, asOf) ? "" : items.get(k)!.changedAt);
      const live = (k: string) => items.get(k)?.active === true;
      // A parent link joins two active items through derives/refines, pinning no other revision; a self-link joins nothing.
      const parentLinks = links.filter((l) => (l.type === "derives" || l.type === "refines") && live(l.from) && live(l.to) && l.from !== l.to && !pinsOther(l, items));
      const walk = (start: string, next: (k: string) => string[]) => {
        const seen = new Set([start]);
        const queue = [start];
        while (queue.length > 0) for (const n of next(queue.shift() as string)) if (!seen.has(n)) { seen.add(n); queue.push(n); }
        return seen;
      };
      const above = (k: string) => walk(k, (x) => parentLinks.filter((l) => l.from === x).map((l) => l.to));
      const below = (k: string) => walk(k, (x) => parentLinks.filter((l) => l.to === x).map((l) => l.from));
      const pathAt = (k: string) => [...above(k)].map(changedAt).reduce((a, b) => (a > b ? a : b), "");
      const testsOf = (k: string) => [...new Set(links.filter((l) => l.type === "verifies" && l.to === k && l.from.startsWith("test-case:") && live(l.from) && !pinsOther(l, items)).map((l) => l.from))];
      const bad = (r: string) => ["passed", "skipped", "blocked", "failed"].indexOf(r);
      const testStatus = (tc: string, k: string) => {
        const id = tc.slice("test-case:".length);
        const runs = input.testRuns!.filter((r) => r.testCaseId === id && !later(r.executedAt as string, asOf)) as { id: string; result: string; executedAt: string }[];
        const last = [...runs].sort((a, b) => (a.executedAt < b.executedAt ? -1 : a.executedAt > b.executedAt ? 1 : bad(a.result) - bad(b.result) || (a.id < b.id ? -1 : 1))).at(-1);
        if (!last) return "NOT RUN";
        if (last.result !== "passed") return { failed: "NOK", blocked: "NOT RUN", skipped: "UNKNOWN" }[last.result] as string;
        // A pass counts only if it ran strictly after the last change of the test and of everything on the path up.
        return last.executedAt <= changedAt(tc) || last.executedAt <= pathAt(k) ? "STALE" : "OK";
      };
      const own = (k: string) => (live(k) ? worst(testsOf(k).map((tc) => testStatus(tc, k))) : "UNCOVERED");
      const expected = [...items.keys()]
        .filter((k) => live(k) && (k.startsWith("requirement:") || testsOf(k).length > 0))
        .sort()
        .map((k) => [k, own(k), worst([...below(k)].map(own))]);
      const result = analyzeTraceGraph(buildTraceGraph(input), g.asOf === undefined ? {} : { asOf: g.asOf }).result();
      expect(result.evidence.map((e) => [e.item, e.own, e.rolledUp])).toEqual(expected);
    }), { seed: 2121, numRuns: 400 });
  }, TIMEOUT);
});

describe("suspect links against the documented rule, evaluated naively", () => {
  it("direct: a link between active items recording another fingerprint than its target's; transitive: breadth first, up to depth, stopped by a later review", () => {
    fc.assert(fc.property(arb, (g) => {
      const { input, items, links } = build(g);
      const asOf = asOfInstant(g.asOf);
      const exists = (k: string) => items.has(k);
      const live = (k: string) => items.get(k)?.active === true;
      const wired = links.filter((l) => exists(l.from) && exists(l.to));
      // As of a date: a review after it had not happened (the link waits for its review), nor a change after it.
      const reviewedLater = (l: Link) => l.reviewedAt !== undefined && later(l.reviewedAt, asOf);
      const direct = wired.filter((l) => live(l.from) && live(l.to) && l.fp !== "" && !reviewedLater(l) && l.fp !== items.get(l.to)!.fp(items.get(l.to)!.v) && !later(items.get(l.to)!.changedAt, asOf));
      const unreviewed = wired.filter((l) => live(l.from) && live(l.to) && (l.fp === "" || reviewedLater(l))).map((l) => l.id).sort();
      // What stops the flow: the review, else the creation, each only when it had happened by then.
      const seen = (l: Link) => (l.reviewedAt !== undefined && !reviewedLater(l) ? l.reviewedAt : later(l.created, asOf) ? undefined : l.created);
      const TRANSITIVE = new Set(["derives", "refines", "satisfies", "implements", "verifies"]);
      const DEPTH = 3;
      // Per origin (the target of a direct suspect link): each item's distance from it, breadth first against the
      // links, starting at the sources of its direct links of a transitive type; never through the origin itself
      // nor a retired item; a link reviewed (or created) at or after the origin's change stops the flow.
      const best = new Map<string, { origin: string; distance: number }>();
      const origins = [...new Set(direct.map((l) => l.to))].sort();
      const changed: [string, number, number, number][] = [];
      for (const o of origins) {
        const mine = new Set<string>();
        const reached = new Set(direct.filter((l) => l.to === o).map((l) => l.from));
        const changedAt = items.get(o)!.changedAt;
        const dist = new Map<string, number>();
        let frontier = [...new Set(direct.filter((l) => l.to === o && TRANSITIVE.has(l.type) && l.from !== o).map((l) => l.from))];
        for (const f of frontier) dist.set(f, 1);
        for (let d = 1; d <= DEPTH && frontier.length > 0; d++) {
          const next: string[] = [];
          for (const v of frontier) {
            for (const l of wired) {
              if (l.to !== v || !TRANSITIVE.has(l.type) || l.from === o || !live(l.from) || (seen(l) ?? "") >= changedAt) continue;
              const b = best.get(l.id);
              mine.add(l.id);
              reached.add(l.from);
              if (!direct.includes(l) && (!b || d + 1 < b.distance || (d + 1 === b.distance && o < b.origin))) best.set(l.id, { origin: o, distance: d + 1 });
              if (!dist.has(l.from)) { dist.set(l.from, d + 1); next.push(l.from); }
            }
          }
          frontier = next;
        }
        changed.push([o, direct.filter((l) => l.to === o).length, mine.size, reached.size]);
      }
      const expected = [
        ...direct.map((l) => [l.id, "direct", l.to, 1]),
        ...[...best].map(([id, b]) => [id, "transitive", b.origin, b.distance]),
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : 1));
      const result = analyzeTraceGraph(buildTraceGraph(input), g.asOf === undefined ? {} : { asOf: g.asOf }).result();
      expect(result.suspects.map((s) => [s.link, s.reason, s.origin, s.distance])).toEqual(expected);
      expect(result.unreviewedLinks).toEqual(unreviewed);
      // Blast radius: per changed item, its direct links, every link suspicion reached from it, the distinct sources.
      expect(result.changedItems.map((c) => [c.item, c.directLinks, c.transitiveLinks, c.blastRadius])).toEqual(changed);
    }), { seed: 2122, numRuns: 400 });
  }, TIMEOUT);
});

// Coverage with retired items, pinned revisions and a quorum: business needs 2 distinct functional requirements
// (derives / refines), functional needs a test (verifies). Test cases have no rule.
const COVERAGE_RULES = {
  items: [
    { type: "business", root: true, needs: [{ name: "requirements", anyOf: ["functional"], via: ["derives", "refines"], min: 2 }] },
    { type: "functional", needs: [{ name: "test", anyOf: ["test-case"], via: ["verifies"] }] },
  ],
};
const NEEDS: Record<string, { name: string; anyOf: string[]; via: string[]; min: number }[]> = {
  business: [{ name: "requirements", anyOf: ["functional"], via: ["derives", "refines"], min: 2 }],
  functional: [{ name: "test", anyOf: ["test-case"], via: ["verifies"], min: 1 }],
};

describe("coverage and levels with retired items, pinned revisions and a quorum, evaluated naively", () => {
  it("shallow, deep (cycle first), missing and unwanted per item; per level the counts, gaps, loops and exact shares", () => {
    fc.assert(fc.property(arb, (g) => {
      const { input, items, links } = build(g);
      const live = (k: string) => items.get(k)?.active === true;
      const typeOf = (k: string) => (k.startsWith("test-case:") ? "test-case" : (items.get(k)!.entity.type as string));
      const ruled = (k: string) => live(k) && NEEDS[typeOf(k)] !== undefined;
      // A link counts for a need when it joins two active items (not an item to itself), pins no other revision than
      // its target's, and the need accepts its source's type through its link type.
      const usable = links.filter((l) => live(l.from) && ruled(l.to) && l.from !== l.to && !pinsOther(l, items));
      const accepts = (n: (typeof NEEDS)[string][number], l: Link) => n.anyOf.includes(typeOf(l.from)) && n.via.includes(l.type);
      const sources = (k: string, n: (typeof NEEDS)[string][number]) => [...new Set(usable.filter((l) => l.to === k && accepts(n, l)).map((l) => l.from))].sort();
      const shallow = (k: string) => NEEDS[typeOf(k)]!.every((n) => sources(k, n).length >= n.min);
      const coverers = (k: string) => usable.filter((l) => l.to === k && NEEDS[typeOf(k)]!.some((n) => accepts(n, l))).map((l) => l.from);
      const closure = (k: string) => {
        const seen = new Set<string>();
        const stack = coverers(k);
        while (stack.length > 0) {
          const w = stack.pop() as string;
          if (seen.has(w)) continue;
          seen.add(w);
          if (ruled(w)) stack.push(...coverers(w));
        }
        return seen;
      };
      const deep = (k: string) => {
        const all = [k, ...closure(k)];
        if (all.some((w) => ruled(w) && closure(w).has(w))) return "cycle";
        return all.every((w) => !ruled(w) || shallow(w)) ? "covered" : "uncovered";
      };
      const keys = [...items.keys()].sort();
      const expected = keys.filter(ruled).map((k) => ({
        item: k, shallow: shallow(k) ? "covered" : "uncovered", deep: deep(k),
        missing: NEEDS[typeOf(k)]!.filter((n) => sources(k, n).length < n.min).map((n) => n.name),
        // Covering links (depends-on never covers) from active items that count for no need, other than self-links
        // and links pinning another revision (those are listed in linkRevisions).
        unwanted: links.filter((l) => l.to === k && l.type !== "depends-on" && live(l.from) && l.from !== k && !pinsOther(l, items) && !NEEDS[typeOf(k)]!.some((n) => accepts(n, l))).map((l) => l.id).sort(),
      }));
      const result = analyzeTraceGraph(buildTraceGraph(input, COVERAGE_RULES)).result();
      expect(result.coverage.map((c) => ({ item: c.item, shallow: c.shallow, deep: c.deep, missing: [...c.missing], unwanted: c.unwanted.map((u) => u.link) }))).toEqual(expected);

      for (const type of ["business", "functional"]) {
        const mine = expected.filter((x) => typeOf(x.item) === type);
        const level = result.levels.find((l) => l.type === type)!;
        const inactive = keys.filter((k) => items.has(k) && !live(k) && typeOf(k) === type).length;
        const shallowCovered = mine.filter((x) => x.shallow === "covered").length;
        const deepCovered = mine.filter((x) => x.deep === "covered").length;
        expect({ items: level.items, inactive: level.inactive, shallowCovered: level.shallowCovered, deepCovered: level.deepCovered, gaps: level.gaps, inCycle: level.inCycle })
          .toEqual({ items: mine.length, inactive, shallowCovered, deepCovered, gaps: mine.filter((x) => x.shallow !== "covered").map((x) => x.item), inCycle: mine.filter((x) => x.deep === "cycle").map((x) => x.item) });
        if (mine.length === 0) {
          expect([level.shallowPercent.value, level.shallowPercent.reason, level.deepPercent.reason]).toEqual([undefined, "no-data", "no-data"]);
        } else {
          // covered ÷ items × 100, to the last digit a 20-digit quotient can hold (1 of 3 is 33.333…).
          expect(Math.abs(Number(level.shallowPercent.value) - (shallowCovered * 100) / mine.length)).toBeLessThan(1e-12);
          expect(Math.abs(Number(level.deepPercent.value) - (deepCovered * 100) / mine.length)).toBeLessThan(1e-12);
          expect(level.shallowPercent.value!.times(mine.length).toDecimalPlaces(10).toNumber()).toBe(shallowCovered * 100);
        }
      }
    }), { seed: 2124, numRuns: 400 });
  }, TIMEOUT);
});
