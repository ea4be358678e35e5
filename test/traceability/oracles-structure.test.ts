import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_SEVERITIES, analyzeTraceability, type TraceInput, type TraceRulesInput } from "../../src/traceability/index.js";

/*
 * The structural findings against their documented definitions, evaluated naively over plain arrays: orphans (a rule's
 * `parents`, and with `orphans: "needs"` the types some need asks for), self-links, dangling links, repeated links and
 * cycles (members by plain mutual reachability; the reported path must be a real loop of the named links). Every
 * finding names the check that produced it and that check's configured severity. Fixed seeds.
 */

const TIMEOUT = 60_000;
const IDS = ["R-0", "R-1", "R-2", "R-3", "A-0", "A-1", "T-0", "T-1"];
const KIND = (id: string) => (id.startsWith("R") ? "requirement" : id.startsWith("A") ? "artifact" : "test-case");
const TYPES = ["derives", "refines", "implements", "verifies", "depends-on"];
const COVERS = new Set(["derives", "refines", "implements", "verifies"]); // depends-on never covers
const RULES = {
  business: { root: true, needs: [{ anyOf: ["functional"], via: ["derives", "refines"] }] },
  functional: {
    needs: [{ anyOf: ["functional", "code"], via: ["derives", "implements"] }, { anyOf: ["test-case"], via: null as string[] | null }],
    parents: { anyOf: ["business", "functional"], via: ["derives", "refines"] },
  },
} as Record<string, { root?: boolean; needs: { anyOf: string[]; via: string[] | null }[]; parents?: { anyOf: string[]; via: string[] } }>;
const rulesInput = (orphans: "parents" | "needs"): TraceRulesInput => ({
  items: Object.entries(RULES).map(([type, r]) => ({ type, ...(r.root ? { root: true } : {}), needs: r.needs.map((n) => ({ anyOf: n.anyOf, ...(n.via ? { via: n.via } : {}) })), ...(r.parents ? { parents: r.parents } : {}) })),
  orphans,
});

const arb = fc.record({
  items: fc.array(fc.record({ present: fc.nat(5), variant: fc.nat(3) }), { minLength: IDS.length, maxLength: IDS.length }),
  links: fc.array(fc.record({ from: fc.constantFrom(...IDS, "R-9"), to: fc.constantFrom(...IDS, "R-9"), type: fc.constantFrom(...TYPES) }), { maxLength: 16 }),
  orphans: fc.constantFrom("parents" as const, "needs" as const),
});

describe("structural findings against their definitions, evaluated naively", () => {
  it("orphans, self-links, dangling and repeated links, cycles: the same items and links, each with its check's severity", () => {
    fc.assert(fc.property(arb, (g) => {
      const type = new Map<string, string>();
      const active = new Map<string, boolean>();
      const input = { requirements: [] as object[], artifacts: [] as object[], testCases: [] as object[], links: [] as object[] };
      g.items.forEach((x, i) => {
        if (x.present === 0) return;
        const id = IDS[i] as string;
        const kind = KIND(id);
        const key = `${kind}:${id}`;
        if (kind === "requirement") {
          const t = x.variant % 2 === 0 ? "functional" : "business";
          const status = x.variant === 3 ? "rejected" : "approved";
          input.requirements.push({ id, key: id, type: t, title: id, statement: id, status });
          type.set(key, t);
          active.set(key, status === "approved");
        } else if (kind === "artifact") {
          input.artifacts.push({ id, artifactType: x.variant % 2 === 0 ? "code" : "design", name: id });
          type.set(key, x.variant % 2 === 0 ? "code" : "design");
          active.set(key, true);
        } else {
          const status = x.variant === 3 ? "deprecated" : "ready";
          input.testCases.push({ id, key: id, title: id, status });
          type.set(key, "test-case");
          active.set(key, status === "ready");
        }
      });
      const links = g.links.map((l, i) => ({ id: `L${String(i).padStart(2, "0")}`, from: `${KIND(l.from)}:${l.from}`, to: `${KIND(l.to)}:${l.to}`, type: l.type }));
      input.links = links.map((l) => ({ id: l.id, from: { kind: KIND(l.from.split(":")[1]!), id: l.from.split(":")[1] }, to: { kind: KIND(l.to.split(":")[1]!), id: l.to.split(":")[1] }, linkType: l.type }));
      const r = analyzeTraceability(input as unknown as TraceInput, rulesInput(g.orphans));

      for (const f of r.findings) expect([f.check, f.severity]).toEqual([f.check, DEFAULT_SEVERITIES[f.check]]);
      const of = (check: string) => r.findings.filter((f) => f.check === check);
      const wired = links.filter((l) => type.has(l.from) && type.has(l.to));

      // Orphans.
      const needed = new Set(Object.values(RULES).flatMap((x) => x.needs.flatMap((n) => n.anyOf)));
      const accepts = (target: string, l: { type: string }, sourceType: string) =>
        (RULES[type.get(target) as string]?.needs ?? []).some((n) => n.anyOf.includes(sourceType) && (n.via === null ? COVERS.has(l.type) : n.via.includes(l.type)));
      const orphans = [...type.keys()].filter((x) => {
        if (!active.get(x)) return false;
        const t = type.get(x) as string;
        const rule = RULES[t];
        const outs = wired.filter((l) => l.from === x && l.to !== x && active.get(l.to));
        if (g.orphans === "needs" && needed.has(t) && !rule?.root && !rule?.parents) return !outs.some((l) => accepts(l.to, l, t));
        if (!rule || rule.root || !rule.parents) return false;
        return !outs.some((l) => rule.parents!.via.includes(l.type) && rule.parents!.anyOf.includes(type.get(l.to) as string));
      }).sort();
      expect(of("orphan").map((f) => f.items[0]).sort()).toEqual(orphans);

      // Self-links and dangling links: one finding per link.
      expect(of("self-link").flatMap((f) => f.links).sort()).toEqual(links.filter((l) => l.from === l.to).map((l) => l.id));
      expect(of("dangling-link").map((f) => [f.links[0], f.missingEnd]).sort()).toEqual(links.filter((l) => !type.has(l.from) || !type.has(l.to))
        .map((l) => [l.id, !type.has(l.from) && !type.has(l.to) ? "both" : type.has(l.from) ? "to" : "from"]));

      // Repeated links: one finding per from–type–to given more than once, whether or not its ends exist.
      const groups = new Map<string, string[]>();
      for (const l of links) groups.set(`${l.from} ${l.type} ${l.to}`, [...(groups.get(`${l.from} ${l.type} ${l.to}`) ?? []), l.id]);
      expect(of("duplicate-link").map((f) => f.links.join()).sort()).toEqual([...groups.values()].filter((ids) => ids.length > 1).map((ids) => ids.join()).sort());

      // Cycles: the items that reach themselves over explicit links (every type here), grouped by mutual reachability.
      const reach = (a: string) => {
        const seen = new Set<string>();
        const queue = wired.filter((l) => l.from === a).map((l) => l.to);
        while (queue.length > 0) {
          const v = queue.shift() as string;
          if (seen.has(v)) continue;
          seen.add(v);
          queue.push(...wired.filter((l) => l.from === v).map((l) => l.to));
        }
        return seen;
      };
      const reachOf = new Map([...type.keys()].map((k) => [k, reach(k)]));
      const loops = new Set([...type.keys()].filter((k) => reachOf.get(k)!.has(k)).map((k) => [...type.keys()].filter((m) => reachOf.get(k)!.has(m) && reachOf.get(m)!.has(k)).sort().join()));
      expect(of("cycle").map((f) => f.items.join()).sort()).toEqual([...loops].sort());
      for (const f of of("cycle")) {
        // The path is a loop: it starts and ends at its first member, and each named link joins two neighbours on it.
        expect(f.path![0]).toBe(f.items[0]);
        expect(f.path!.at(-1)).toBe(f.items[0]);
        f.links.forEach((id, i) => expect(wired.some((l) => l.id === id && l.from === f.path![i] && l.to === f.path![i + 1])).toBe(true));
      }
    }), { seed: 2123, numRuns: 400 });
  }, TIMEOUT);
});
