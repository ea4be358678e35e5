import { checkArguments, PmoDecimal, isMoney, minorUnits, toDecimalString } from "../core/index.js";
import { encodeEntity, type EntityKind, type EntityOf } from "../entities/index.js";
import { cellPlain, figurePlaces, isCellMetric, isPercentCell, percentPlaces, isRagCell, isRunsCell, isToneCell, type CellValue } from "./cells.js";
import type { Report, ReportBlock, ReportSection } from "./report.js";
import { tableColumns } from "./table.js";
import { validateReport } from "./validate.js";

/** Entities to include in a JSON report, by kind. */
export type ReportEntities = { readonly [K in EntityKind]?: readonly EntityOf<K>[] };

/**
 * Entities of one kind as JSON text: each in its canonical wire form (via `encodeEntity`, which validates it), an
 * array indented by two spaces, ending with a newline. Same input, same text.
 *
 * @throws {ValidationError} when an entity is invalid.
 * @example
 * ```ts
 * entitiesToJson("project", [project]); // "[\n  {\n    \"id\": \"PRJ-CRM\", …"
 * ```
 */
export function entitiesToJson<K extends EntityKind>(kind: K, entities: readonly EntityOf<K>[]): string {
  checkArguments("entitiesToJson", { kind: [kind, "string"], entities: [entities, "array"] });
  return `${JSON.stringify(entities.map((e) => encodeEntity(kind, e)), null, 2)}\n`;
}

/**
 * A cell in JSON: money and decimals in their wire form (strings), RAG as `{ rag, note }`, a tone as `{ tone, text }`,
 * runs as `{ runs }`, a percentage as `{ percent }` (a decimal string), a missing metric as `{ reason }`.
 */
function cellJson(v: CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return cellPlain(v);
  if (isMoney(v)) return { amount: toDecimalString(v.amount, minorUnits(v.currency)), currency: v.currency };
  if (PmoDecimal.isDecimal(v)) return toDecimalString(v);
  if (isRagCell(v)) return v.note === undefined ? { rag: v.colour } : { rag: v.colour, note: v.note };
  if (isToneCell(v)) return { tone: v.tone, text: v.text };
  if (isRunsCell(v)) return { runs: v.runs.map((r) => (typeof r === "string" ? r : { tone: r.tone, text: r.text })) };
  if (isPercentCell(v)) return { percent: toDecimalString(v.value, percentPlaces(v)) };
  if (isCellMetric(v)) {
    if (v.value === undefined) return { reason: v.reason, ...(v.detail ? { detail: v.detail } : {}) };
    // A figure shown with fixed places keeps them in its decimal string ("1.00"), as every other renderer prints it.
    return figurePlaces(v) === undefined ? cellJson(v.value) : cellPlain(v);
  }
  return cellPlain(v);
}

function blockJson(b: ReportBlock): unknown {
  switch (b.kind) {
    case "paragraph":
      return { kind: "paragraph", text: b.text };
    case "list":
      return { kind: "list", items: [...b.items] };
    case "table":
      return {
        kind: "table",
        ...(b.table.caption ? { caption: b.table.caption } : {}),
        columns: tableColumns(b.table).map((c) => c.header),
        rows: b.table.rows.map((r) => r.map(cellJson)),
      };
    case "figures":
      return { kind: "figures", items: b.items.map((f) => ({ label: f.label, value: cellJson(f.value) })) };
    case "chart":
      return { kind: "chart", caption: b.caption, ...(b.file ? { file: b.file } : {}) };
  }
}

function sectionJson(s: ReportSection): unknown {
  return { heading: s.heading, ...(s.layout ? { layout: s.layout } : {}), blocks: s.blocks.map(blockJson), ...(s.sections ? { sections: s.sections.map(sectionJson) } : {}) };
}

/**
 * A {@link Report} (and optionally the entities it was built from) as JSON text: tables keep their cells as wire
 * values, charts keep their caption, entities are encoded with `encodeEntity` and listed by kind in name order.
 * Deterministic: same input, same text.
 *
 * @throws {ValidationError} for a malformed report ({@link validateReport}: shape, section depth).
 * @example
 * ```ts
 * renderJsonReport({ title: "Portfolio", sections: [] }, { project: projects });
 * // "{\n  \"format\": \"pmokit-report\",\n  \"version\": 1, …"
 * ```
 */
export function renderJsonReport(report: Report, entities: ReportEntities = {}): string {
  validateReport(report);
  const kinds = (Object.keys(entities) as EntityKind[]).sort();
  const encoded: Record<string, unknown[]> = {};
  for (const k of kinds) encoded[k] = (entities[k] as readonly EntityOf<typeof k>[]).map((e) => encodeEntity(k, e));
  const doc = {
    format: "pmokit-report",
    version: 1,
    title: report.title,
    ...(report.subtitle ? { subtitle: report.subtitle } : {}),
    ...(report.asOf ? { asOf: report.asOf } : {}),
    sections: report.sections.map(sectionJson),
    ...(kinds.length > 0 ? { entities: encoded } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
