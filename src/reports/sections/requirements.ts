import { checkArguments, checkOptionKeys } from "../../core/index.js";
import type { EvidenceStatus, TraceAnalysisResult, TraceMatrix } from "../../traceability/index.js";
import { coverageHeatMapChart } from "../charts/heat-map.js";
import { runsCell, toneCell, type CellValue, type ToneCell } from "../cells.js";
import type { ReportBlock, ReportSection } from "../report.js";
import { traceFindingLines } from "./finding-lines.js";
import { bareId, naturalKeyOrder, percent, personName, type PeopleNames } from "./shared.js";

/** What the requirements section shows. */
export interface RequirementsSectionInput {
  /** `analyzeTraceability` (or `analysis.result()`) result. */
  readonly result: TraceAnalysisResult;
  /** `traceMatrix` result (the RTM). */
  readonly matrix: TraceMatrix;
  /** People's names by id: who still has to acknowledge is shown by name. */
  readonly people?: PeopleNames;
  /**
   * Each item's own key by `kind:id` (`requirement:prj-x:_3Uqa8…` → `REQ-11`), as `analyzeDelivery` gives them: items
   * are then named and ordered by key — an imported item's id is its tool's UUID. Without it, by id.
   */
  readonly keys?: ReadonlyMap<string, string>;
  /**
   * Requirements whose `parentId` no parent link backs (the office analysis lists them): the analysis reads links only,
   * so each is named under the findings rather than left an unexplained orphan.
   */
  readonly unlinkedParents?: readonly { readonly requirement: string; readonly parent: string }[];
}

// Test evidence that needs attention carries a tone (NOK a failure, the others work still to do); OK stays plain.
const EVIDENCE_TONE: Readonly<Partial<Record<EvidenceStatus, ToneCell["tone"]>>> = { NOK: "bad", "NOT RUN": "warning", UNKNOWN: "warning", STALE: "warning", UNCOVERED: "warning" };
const evidenceCell = (e: EvidenceStatus | "INACTIVE"): CellValue => {
  const tone = e === "INACTIVE" ? undefined : EVIDENCE_TONE[e];
  return tone === undefined ? e : toneCell(tone, e);
};

/**
 * The requirements section: the traceability matrix (each cell lists its linked items, suspect links and test
 * evidence marked), coverage per level with a heat map, suspect links and stale evidence, and the acknowledgement
 * gaps per requirement and per person.
 *
 * @example
 * ```ts
 * const analysis = analyzeTraceGraph(buildTraceGraph(input, DEFAULT_TRACE_RULES));
 * requirementsSection({ result: analysis.result(), matrix: traceMatrix(analysis) });
 * ```
 */
export function requirementsSection(input: RequirementsSectionInput): ReportSection {
  checkArguments("requirementsSection", { input: [input, "object"] });
  checkOptionKeys("requirementsSection", input, { result: 1, matrix: 1, people: 1, keys: 1, unlinkedParents: 1 } satisfies Record<keyof RequirementsSectionInput, 1>, ["input"]);
  checkArguments("requirementsSection", { "input.result": [input.result, "object"], "input.matrix": [input.matrix, "object"], "input.people": [input.people, "object?"], "input.keys": [input.keys, "object?"], "input.unlinkedParents": [input.unlinkedParents, "object[]?"] });
  const { result, matrix } = input;
  const who = (id: string) => personName(input.people, id);
  // Items by key where they have one (in a finding's message `requirement:REQ-11`), lists in key order.
  const key = (ref: string) => input.keys?.get(ref) ?? bareId(ref);
  const keys = (refs: readonly string[]) => refs.map(key).sort(naturalKeyOrder).join(", ");
  const requirement = (id: string) => key(`requirement:${id}`);
  const label = (ref: string) => (input.keys?.has(ref) ? `${ref.slice(0, ref.indexOf(":"))}:${key(ref)}` : ref);
  const rtm: ReportBlock = {
    kind: "table",
    table: {
      caption: "Requirements traceability matrix (! marks a suspect link, evidence in brackets, a retired item's status or a link's outdated / predated revision in parentheses)",
      columns: ["Requirement", "Type", "Status", "Title", "Coverage", "Evidence", ...matrix.columns],
      rows: [...matrix.rows].sort((a, b) => naturalKeyOrder(key(a.item), key(b.item))).map((r) => [
        // A retired requirement (result.inactive) stays in the matrix, marked so a reader does not take it for a gap.
        key(r.item), r.type, r.inactive !== undefined ? `${r.inactive} (inactive)` : r.status ?? "", r.title ?? "",
        // Shallow-covered by something itself uncovered (or in a loop) is not covered all the way down: say so.
        r.coverage === "uncovered" ? toneCell("warning", r.coverage) : r.coverage === "covered" && r.deep !== undefined && r.deep !== "covered" ? toneCell("warning", `covered, deep ${r.deep}`) : r.coverage,
        evidenceCell(r.evidence),
        ...r.cells.map((c) => {
          // Each linked item as "TC-026 [NOK]": only the evidence word carries the tone.
          const runs = c.entries.flatMap((e, i) => {
            const head = `${i > 0 ? ", " : ""}${key(e.item)}${e.inactive !== undefined ? ` (${e.inactive})` : ""}${e.revision !== undefined ? ` (${e.revision})` : ""}${e.suspect ? " !" : ""}`;
            if (!e.evidence) return [head];
            const word = evidenceCell(e.evidence);
            return typeof word === "string" ? [`${head} [${word}]`] : [`${head} [`, word as ToneCell, "]"];
          });
          return runs.every((x) => typeof x === "string") ? runs.join("") : runsCell(runs);
        }),
      ]),
    },
  };
  // Links the matrix's columns do not show (an item of a type no column lists): named, so none is dropped unseen.
  const unshown = [...matrix.rows].filter((r) => r.unshown !== undefined).sort((a, b) => naturalKeyOrder(key(a.item), key(b.item)));
  const unshownNote: ReportBlock[] = unshown.length === 0 ? [] : [{ kind: "paragraph", text: `Links no column shows: ${unshown.map((r) => `${key(r.item)} (${r.unshown!.join(", ")})`).join("; ")}.` }];
  const levels = result.levels;
  const ratio = (n: number, d: number) => (d === 0 ? null : { value: n / d, label: `${n}/${d}` });
  const coverage: ReportBlock[] = [
    {
      kind: "table",
      table: {
        caption: "Coverage per level (shallow: each rule's link exists; deep: covered all the way down)",
        columns: ["Level", "Items", "Shallow", "Shallow %", "Deep", "Deep %", "Gaps"],
        rows: levels.map((l) => [l.type, l.items, l.shallowCovered, percent(l.shallowPercent, 1), l.deepCovered, percent(l.deepPercent, 1), keys(l.gaps)]),
      },
    },
  ];
  // Retired items (the rules' inactive statuses) are in no level: say which, so none disappears from the report unseen.
  if (result.inactive.length > 0) {
    coverage.push({ kind: "paragraph", text: `Inactive, not traced (their status or tag retires them): ${[...result.inactive].sort((a, b) => naturalKeyOrder(key(a.item), key(b.item))).map((i) => `${key(i.item)} (${i.status})`).join(", ")}.` });
  }
  // Items in a loop of covering links (deep status cycle) are in no deep figure and no gap: say which.
  const inCycle = levels.flatMap((l) => l.inCycle);
  if (inCycle.length > 0) coverage.push({ kind: "paragraph", text: `In a loop of covering links, so never deep-covered (deep status cycle): ${keys(inCycle)}.` });
  if (levels.length > 0) {
    coverage.push({
      kind: "chart",
      svg: coverageHeatMapChart({
        title: "Coverage per requirement level",
        description: "Share of requirements covered at each level, shallow and deep.",
        rows: levels.map((l) => l.type),
        columns: ["shallow", "deep"],
        cells: levels.map((l) => [ratio(l.shallowCovered, l.items), ratio(l.deepCovered, l.items)]),
        rowTitle: "Level",
        columnTitle: "Coverage",
      }),
      caption: "Coverage per level: darker is more covered; every cell prints its count.",
      file: "charts/coverage.svg",
    });
  }
  const stale = result.evidence.filter((e) => e.rolledUp === "STALE" || e.own === "STALE");
  // A link pinning another revision than its target's (OFT's outdated / predated) covers nothing: say which, or a
  // requirement turns uncovered with nothing here explaining why.
  const pinnedOther = result.linkRevisions.filter((x) => x.status !== "covers");
  const findings: string[] = [
    ...result.suspects.map((s) => `suspect ${s.link}: ${key(s.from)} ${s.linkType} ${key(s.to)} (${s.reason}, changed ${key(s.origin)})`),
    ...pinnedOther.map((x) => `${x.status} ${x.link}: ${key(x.from)} ${x.linkType} ${key(x.to)} pins revision ${x.linkRevision}, ${key(x.to)} is at revision ${x.itemRevision} (covers nothing until reviewed)`),
    ...stale.map((e) => `stale evidence: ${e.id} (passes older than its last change)`),
    ...traceFindingLines(result.findings, label),
    ...(input.unlinkedParents?.length ? [`warning: ${input.unlinkedParents.length} ${input.unlinkedParents.length === 1 ? "requirement names a parent" : "requirements name a parent"} in parentId that no derives or refines link joins, so the analysis does not see it (add the links): ${input.unlinkedParents.map((u) => `${requirement(u.requirement)} → ${requirement(u.parent)}`).sort(naturalKeyOrder).join(", ")}`] : []),
  ];
  const gaps = result.acknowledgements.filter((a) => a.pending.length > 0);
  const ack: ReportBlock[] = gaps.length === 0
    ? [{ kind: "paragraph", text: "Every audience has acknowledged the current version of every requirement." }]
    : [
      {
        kind: "table",
        table: {
          caption: "Acknowledgement gaps",
          columns: ["Requirement", "Pending audiences", "Stale", "Missing"],
          rows: gaps.map((a) => [requirement(a.requirementId), a.pending.join(", "), a.audiences.filter((x) => x.status === "stale").map((x) => `${x.audience} (${x.outdated.map(who).join(", ")})`).join("; "), a.audiences.filter((x) => x.status === "missing").map((x) => x.audience).join(", ")]),
        },
      },
      { kind: "list", items: result.pendingByPerson.map((p) => `${who(p.personId)}: ${p.items.map((i) => `${requirement(i.requirementId)} as ${i.audience} (${i.reason})`).join(", ")}`) },
    ];
  return {
    heading: "Requirements",
    blocks: [
      {
        kind: "paragraph",
        text: `${matrix.rows.length} requirements; ${result.suspects.length} suspect links, ${pinnedOther.length > 0 ? `${pinnedOther.length} links pinning another revision, ` : ""}${stale.length} with stale evidence, ${gaps.length} with acknowledgement gaps.`,
      },
    ],
    sections: [
      { heading: "Traceability matrix", blocks: [rtm, ...unshownNote] },
      { heading: "Coverage", blocks: coverage },
      { heading: "Suspects and stale evidence", blocks: findings.length > 0 ? [{ kind: "list", items: findings }] : [{ kind: "paragraph", text: "No suspect links and no stale evidence." }] },
      { heading: "Acknowledgement gaps", blocks: ack },
    ],
  };
}
