import { checkArguments } from "../../core/index.js";
import type { TraceAnalysisResult, TraceMatrix } from "../../traceability/index.js";
import { coverageHeatMapChart } from "../charts/heat-map.js";
import type { ReportBlock, ReportSection } from "../report.js";
import { bareId, fixed } from "./shared.js";

/** What the requirements section shows. */
export interface RequirementsSectionInput {
  /** `analyzeTraceability` (or `analysis.result()`) result. */
  readonly result: TraceAnalysisResult;
  /** `traceMatrix` result (the RTM). */
  readonly matrix: TraceMatrix;
}

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
  checkArguments("requirementsSection", { "input.result": [input.result, "object"], "input.matrix": [input.matrix, "object"] });
  const { result, matrix } = input;
  const rtm: ReportBlock = {
    kind: "table",
    table: {
      caption: "Requirements traceability matrix (! marks a suspect link, evidence in brackets)",
      columns: ["Requirement", "Type", "Title", "Coverage", "Evidence", ...matrix.columns],
      rows: matrix.rows.map((r) => [
        r.id, r.type, r.title ?? "", r.coverage, r.evidence,
        ...r.cells.map((c) => c.entries.map((e) => `${bareId(e.item)}${e.suspect ? " !" : ""}${e.evidence ? ` [${e.evidence}]` : ""}`).join(", ")),
      ]),
    },
  };
  const levels = result.levels;
  const ratio = (n: number, d: number) => (d === 0 ? null : { value: n / d, label: `${n}/${d}` });
  const coverage: ReportBlock[] = [
    {
      kind: "table",
      table: {
        caption: "Coverage per level (shallow: each rule's link exists; deep: covered all the way down)",
        columns: ["Level", "Items", "Shallow", "Shallow %", "Deep", "Deep %", "Gaps"],
        rows: levels.map((l) => [l.type, l.items, l.shallowCovered, fixed(l.shallowPercent, 1), l.deepCovered, fixed(l.deepPercent, 1), l.gaps.map(bareId).join(", ")]),
      },
    },
  ];
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
  const findings: string[] = [
    ...result.suspects.map((s) => `suspect ${s.link}: ${bareId(s.from)} ${s.linkType} ${bareId(s.to)} (${s.reason}, changed ${bareId(s.origin)})`),
    ...stale.map((e) => `stale evidence: ${e.id} (passes older than its last change)`),
    ...result.findings.map((f) => `${f.severity}: ${f.message}`),
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
          rows: gaps.map((a) => [a.requirementId, a.pending.join(", "), a.audiences.filter((x) => x.status === "stale").map((x) => `${x.audience} (${x.outdated.join(", ")})`).join("; "), a.audiences.filter((x) => x.status === "missing").map((x) => x.audience).join(", ")]),
        },
      },
      { kind: "list", items: result.pendingByPerson.map((p) => `${p.personId}: ${p.items.map((i) => `${i.requirementId} as ${i.audience} (${i.reason})`).join(", ")}`) },
    ];
  return {
    heading: "Requirements",
    blocks: [
      { kind: "paragraph", text: `${matrix.rows.length} requirements; ${result.suspects.length} suspect links, ${stale.length} with stale evidence, ${gaps.length} with acknowledgement gaps.` },
    ],
    sections: [
      { heading: "Traceability matrix", blocks: [rtm] },
      { heading: "Coverage", blocks: coverage },
      { heading: "Suspects and stale evidence", blocks: findings.length > 0 ? [{ kind: "list", items: findings }] : [{ kind: "paragraph", text: "No suspect links and no stale evidence." }] },
      { heading: "Acknowledgement gaps", blocks: ack },
    ],
  };
}
