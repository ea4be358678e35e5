import { PmoDecimal, ValidationError, isMoney, type ValidationIssue } from "../core/index.js";
import { chartSvgProblem } from "./charts/svg-check.js";
import type { Report } from "./report.js";

/**
 * Deepest section nesting a report may have (a top-level section is depth 1); deeper reports are refused.
 *
 * @example
 * ```ts
 * MAX_SECTION_DEPTH; // 32
 * ```
 */
export const MAX_SECTION_DEPTH = 32;

type Path = (string | number)[];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const RAG = new Set(["green", "amber", "red"]);
const TONE = new Set(["good", "warning", "bad"]);
const toneProblem = (v: unknown): string | undefined =>
  isObject(v) && v["kind"] === "tone" && TONE.has(v["tone"] as string) && typeof v["text"] === "string" ? undefined : "a tone cell has a tone (good, warning, bad) and a text";
const BLOCK_KINDS = new Set(["paragraph", "list", "table", "figures", "chart"]);
const LAYOUTS = new Set(["summary", "open", "collapsed"]);

function cellProblem(v: unknown): string | undefined {
  if (v === null || v === undefined || typeof v === "string" || typeof v === "boolean") return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? undefined : `${v} is not a finite number`;
  if (isMoney(v) || PmoDecimal.isDecimal(v)) return undefined;
  if (isObject(v) && v["kind"] === "rag") return RAG.has(v["colour"] as string) ? undefined : "a RAG cell's colour is green, amber or red";
  if (isObject(v) && v["kind"] === "tone") return toneProblem(v);
  if (isObject(v) && v["kind"] === "runs") {
    const runs = v["runs"];
    return Array.isArray(runs) && runs.every((r) => typeof r === "string" || toneProblem(r) === undefined) ? undefined : "a runs cell is a list of texts and tone cells";
  }
  if (isObject(v) && v["kind"] === "percent") {
    const places = v["places"];
    if (places !== undefined && (typeof places !== "number" || !Number.isInteger(places) || places < 0 || places > 20)) return "a percent cell's places is a whole number from 0 to 20";
    return PmoDecimal.isDecimal(v["value"]) && (v["value"] as { isFinite(): boolean }).isFinite() ? undefined : "a percent cell's value is a finite Decimal";
  }
  // A missing figure has no `value` key, only its reason (Metric's documented shape).
  if (isObject(v) && !("value" in v) && "reason" in v) return typeof v["reason"] === "string" ? undefined : "a missing figure's reason is a text";
  if (isObject(v) && "value" in v) {
    if (v["value"] === undefined) return typeof v["reason"] === "string" ? undefined : "a missing figure needs its reason";
    const inner = v["value"];
    const places = v["places"];
    if (places !== undefined && (typeof places !== "number" || !Number.isInteger(places) || places < 0 || places > 20)) return "a figure's places is a whole number from 0 to 20";
    return typeof inner === "string" || (typeof inner === "number" && Number.isFinite(inner)) || isMoney(inner) || PmoDecimal.isDecimal(inner) ? undefined : "a figure's value is a text, finite number, Decimal or Money";
  }
  return "not a report cell (text, number, yes/no, Decimal, Money, RAG, tone, runs or percent cell, or figure)";
}

/**
 * Checks that a value is a well-formed {@link Report} before a renderer walks it, so a malformed value is one
 * {@link ValidationError} with the path of every problem — never a TypeError from deep inside a renderer — and a
 * section tree deeper than {@link MAX_SECTION_DEPTH} is refused before recursion could exhaust the stack. The walk
 * itself is iterative. A chart block's SVG must be markup pmokit's chart functions could have made (only their
 * elements and attributes, no script, event handler, link, `style`, `url()` or remote reference: refused, never
 * cleaned up); chart file names must be relative paths inside the report folder; a section's `layout`, when given,
 * is `summary`, `open` or `collapsed`.
 *
 * @throws {ValidationError} listing every problem (paths like `sections[2].blocks[0].table.rows[3]`).
 * @example
 * ```ts
 * validateReport({ title: "Portfolio", sections: [{ heading: "Health", blocks: [{ kind: "paragraph", text: "All green." }] }] });
 * ```
 */
export function validateReport(report: unknown): Report {
  const issues: ValidationIssue[] = [];
  const add = (path: Path, message: string) => {
    if (issues.length < 100) issues.push({ path, message, code: "custom" });
  };
  const text = (v: unknown, path: Path, optional = false) => {
    if (typeof v === "string" || (optional && v === undefined)) return;
    add(path, optional ? "expected a text or nothing" : "expected a text");
  };
  if (!isObject(report)) throw ValidationError.single([], "a report is an object with a title and sections", "report");
  text(report["title"], ["title"]);
  text(report["subtitle"], ["subtitle"], true);
  text(report["asOf"], ["asOf"], true);
  const stack: { value: unknown; path: Path; depth: number }[] = [];
  const pushSections = (list: unknown, path: Path, depth: number) => {
    if (!Array.isArray(list)) return add(path, "expected a list of sections");
    if (list.length > 0 && depth > MAX_SECTION_DEPTH) return add(path, `sections are nested deeper than ${MAX_SECTION_DEPTH} levels`);
    for (let i = list.length - 1; i >= 0; i--) stack.push({ value: list[i], path: [...path, i], depth });
  };
  pushSections(report["sections"], ["sections"], 1);
  while (stack.length > 0 && issues.length < 100) {
    const { value: s, path, depth } = stack.pop()!;
    if (!isObject(s)) {
      add(path, "a section is an object with a heading and blocks");
      continue;
    }
    text(s["heading"], [...path, "heading"]);
    if (s["layout"] !== undefined && !LAYOUTS.has(s["layout"] as string)) add([...path, "layout"], "a section's layout is summary, open or collapsed");
    const blocks = s["blocks"];
    if (!Array.isArray(blocks)) add([...path, "blocks"], "expected a list of blocks");
    else blocks.forEach((b, i) => checkBlock(b, [...path, "blocks", i], add));
    if (s["sections"] !== undefined) pushSections(s["sections"], [...path, "sections"], depth + 1);
  }
  if (issues.length > 0) throw new ValidationError(issues, "report");
  return report as unknown as Report;
}

function checkBlock(b: unknown, path: Path, add: (path: Path, message: string) => void): void {
  if (!isObject(b) || !BLOCK_KINDS.has(b["kind"] as string)) return add([...path, "kind"], "a block is a paragraph, list, table, figures or chart");
  const isText = (v: unknown) => typeof v === "string";
  switch (b["kind"]) {
    case "paragraph":
      if (!isText(b["text"])) add([...path, "text"], "expected a text");
      return;
    case "list":
      if (!Array.isArray(b["items"]) || !b["items"].every(isText)) add([...path, "items"], "expected a list of texts");
      return;
    case "figures":
      if (!Array.isArray(b["items"])) return add([...path, "items"], "expected a list of figures");
      b["items"].forEach((f: unknown, i: number) => {
        if (!isObject(f) || !isText(f["label"])) return add([...path, "items", i, "label"], "a figure needs a label");
        const problem = cellProblem(f["value"]);
        if (problem) add([...path, "items", i, "value"], problem);
      });
      return;
    case "chart": {
      const svgProblem = isText(b["svg"]) ? chartSvgProblem(b["svg"] as string) : "not a text";
      if (svgProblem) add([...path, "svg"], `a chart block takes the SVG returned by a pmokit chart function: ${svgProblem}`);
      if (!isText(b["caption"])) add([...path, "caption"], "expected a text");
      const file = b["file"];
      if (file !== undefined && (!isText(file) || file === "" || /^[\\/]|^[A-Za-z]:|(^|[\\/])\.\.([\\/]|$)/.test(file as string) || (file as string).includes("\0"))) {
        add([...path, "file"], "a chart file is a relative path inside the report folder");
      }
      return;
    }
    default: {
      const t = b["table"];
      if (!isObject(t)) return add([...path, "table"], "expected a table");
      if (t["caption"] !== undefined && !isText(t["caption"])) add([...path, "table", "caption"], "expected a text or nothing");
      const columns = t["columns"];
      if (!Array.isArray(columns) || columns.length === 0) return add([...path, "table", "columns"], "a table needs at least one column");
      columns.forEach((c: unknown, i: number) => {
        if (!isText(c) && !(isObject(c) && isText(c["header"]))) add([...path, "table", "columns", i], "a column is a header text or { header, align }");
      });
      if (!Array.isArray(t["rows"])) return add([...path, "table", "rows"], "rows must be an array");
      (t["rows"] as unknown[]).forEach((r, i) => {
        if (!Array.isArray(r) || r.length !== columns.length) return add([...path, "table", "rows", i], `row has ${Array.isArray(r) ? r.length : "no"} cells, expected ${columns.length}`);
        r.forEach((cell: unknown, c: number) => {
          const problem = cellProblem(cell);
          if (problem) add([...path, "table", "rows", i, c], problem);
        });
      });
    }
  }
}
