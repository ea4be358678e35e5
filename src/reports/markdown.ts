import { checkArguments, ValidationError } from "../core/index.js";
import { cellText, isNumericCell, isRagCell, isRunsCell, isToneCell, RAG_LABELS, type CellValue, type ToneCell } from "./cells.js";
import type { Report, ReportBlock, ReportSection } from "./report.js";
import { tableColumns, type ReportTable } from "./table.js";
import { validateReport } from "./validate.js";
import { closeBidi, replaceNonXmlChars } from "./escape.js";

const WJ = "\u2060";
const MD_ENTITY: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * Escapes plain text for Markdown (CommonMark/GFM) so it shows as written and can never become markup: `&`, `<`,
 * `>` become entities (no raw HTML, no autolinks), the inline syntax characters `\ ` * _ [ ] | ~` are
 * backslash-escaped (no emphasis, links or table breaks), a leading block marker (`#`, `-`, `+`, `=`, `1.`) is
 * escaped (when followed by a space, as only then it is one), so is a trailing ` #` (a heading would drop it), leading
 * spaces and tabs become character references (`&#32;`, `&#9;`: four spaces or a tab would start a code block), and
 * line breaks become `<br>` (the only way to keep them inside a table cell, and no later line can start a block).
 * Nothing becomes a link without link markup either, on github.com (cmark-gfm), under remark-gfm or markdown-it with
 * `linkify` (fuzzy links on): every `@` is escaped (e-mail addresses), so are a `:` after a letter and before a
 * non-space (`https\://`, `mailto\:`), the `.` of `www.` and a `.` between a name and a letter (`example\.com`,
 * `README\.md`), the second `/` of `//` and the dots of a dotted quad (`10\.0\.0\.1`). remark-gfm looks for
 * addresses after escapes are resolved, so a WORD JOINER (U+2060, `&#8288;`: invisible, no width) also goes between
 * `www` and `.`, between `http`, `https`, `mailto` or `xmpp` and `:`, and before an `@` that follows a letter, digit
 * or `_ + . -`. The rendered text is the input with those joiners in it; copied out, an address keeps its joiner and
 * so stays unusable as one. Control characters XML forbids (NUL, vertical tab …) become U+FFFD, and a
 * bidirectional embedding, override or isolate left open (U+202E RIGHT-TO-LEFT OVERRIDE) is closed at the end of the
 * text, so it cannot reverse the figures after it.
 *
 * @example
 * ```ts
 * escapeMarkdown("a | b");               // "a \\| b"
 * escapeMarkdown("<script>x</script>");  // "&lt;script&gt;x&lt;/script&gt;"
 * escapeMarkdown("[x](javascript:y)");   // "\\[x\\](javascript\\:y)"
 * escapeMarkdown("www.x.com, a@x.com");  // "www&#8288;\\.x\\.com, a&#8288;\\@x\\.com"
 * escapeMarkdown("    not code");        // "&#32;&#32;&#32;&#32;not code"
 * ```
 */
export function escapeMarkdown(text: string): string {
  checkArguments("escapeMarkdown", { text: [text, "string"] });
  // Control characters (NUL, vertical tab …) become U+FFFD, as in the HTML report; a bidirectional override left open
  // is closed at the end of the text (see closeBidi), so it cannot reverse what follows it on the line.
  return closeBidi(replaceNonXmlChars(String(text)))
    // remark-gfm finds autolinks in text AFTER escapes are resolved, so only a character that is not part of the
    // address stops it: a WORD JOINER (invisible, no width) between `www` and `.`, after a scheme it links, and
    // before an `@` that follows an address character. Marked here on the raw text, written out as `&#8288;` last.
    .replace(/(?<=www)\./gi, `${WJ}.`)
    .replace(/(?<=https?|mailto|xmpp):/gi, `${WJ}:`)
    .replace(/(?<=[\w+.-])@/g, `${WJ}@`)
    .replace(/[\\`*_[\]|~@]/g, (c) => `\\${c}`)
    // GFM autolinks: a scheme's `:` (http://, mailto:, javascript:) and the `.` of www. are matched literally, so
    // their escaped forms are plain text. A `:` after a digit (12:30) or before a space (Note: x) stays as it is.
    .replace(/(?<=[A-Za-z]\u2060?):(?=\S)/g, "\\:")
    // markdown-it's linkify links a bare domain ("example.com", "README.md") and `//host`: an escaped `.` between a
    // name and a letter, and an escaped second `/`, split the text it looks at. A name is what linkify-it takes for
    // one: any character but a space, punctuation or a control character, so symbols too ("a+.com", "рф$.рф").
    .replace(/(?<=www\u2060)\.|(?<=[^\p{Z}\p{P}\p{Cc}\s]|[_-])\.(?=\p{L})/giu, "\\.")
    .replace(/\/\//g, "/\\/")
    // …and, with its fuzzyIP option, a dotted quad (10.0.0.1): its dots are escaped too.
    .replace(/(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\d)/g, (ip) => ip.replace(/\./g, "\\."))
    .replace(/[&<>]/g, (c) => MD_ENTITY[c] ?? c)
    .replace(/^(\s*)([#+=-]+|\d+[.)])(?=\s|$)/, (_, sp: string, m: string) => `${sp}${m.replace(/[#+=.)-]/, (c) => `\\${c}`)}`)
    // A heading's closing sequence (` ##` at the end) would be dropped from the heading text.
    .replace(/(\s)#(#*\s*)$/, "$1\\#$2")
    // Leading spaces and tabs would indent: four of them (or a tab) make a code block, in a list item too. As
    // character references they are text, never indentation, and render as the spaces they are.
    .replace(/^[ \t]+/, (ws) => ws.replace(/ /g, "&#32;").replace(/\t/g, "&#9;"))
    .replace(/\r\n|\r|\n/g, "<br>")
    .replace(/\u2060/g, "&#8288;");
}

// Markdown has no colour: a bad or warning tone is its word in bold, a good one the plain word.
const mdTone = (t: ToneCell) => (t.tone === "good" || t.text.trim() === "" ? escapeMarkdown(t.text) : `**${escapeMarkdown(t.text)}**`);

function mdCell(v: CellValue, where: readonly (string | number)[]): string {
  if (isToneCell(v)) return mdTone(v);
  if (isRunsCell(v)) return v.runs.map((r) => (typeof r === "string" ? escapeMarkdown(r) : mdTone(r))).join("");
  if (isRagCell(v)) {
    const l = RAG_LABELS[v.colour];
    return `**${l.letter}** ${l.word}${v.note ? ` — ${escapeMarkdown(v.note)}` : ""}`;
  }
  return escapeMarkdown(cellText(v, where));
}

/**
 * A GFM table: cells escaped by {@link escapeMarkdown}, number-like columns right-aligned, RAG cells as
 * `**R** Red — rule`.
 *
 * @throws {ValidationError} when a row's width differs from the header.
 * @example
 * ```ts
 * markdownTable({ columns: ["Project", "CPI"], rows: [["CRM | North", decimal("0.91")]] });
 * // "| Project | CPI |\n| :-- | --: |\n| CRM \\| North | 0.91 |\n"
 * ```
 */
export function markdownTable(table: ReportTable): string {
  const columns = tableColumns(table);
  const align = columns.map((c, i) => c.align ?? (table.rows.length > 0 && table.rows.every((r) => r[i] == null || isNumericCell(r[i])) ? "right" : "left"));
  const rule = align.map((a) => (a === "right" ? "--:" : a === "center" ? ":-:" : ":--"));
  const lines = [
    ...(table.caption ? [`**${escapeMarkdown(table.caption)}**`, ""] : []),
    `| ${columns.map((c) => escapeMarkdown(c.header)).join(" | ")} |`,
    `| ${rule.join(" | ")} |`,
    ...table.rows.map((r, i) => `| ${r.map((v, j) => mdCell(v, ["rows", i, j])).join(" | ")} |`),
  ];
  return `${lines.join("\n")}\n`;
}

const SAFE_FILE = /^(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\.svg$/;

function block(b: ReportBlock, path: readonly (string | number)[]): string {
  switch (b.kind) {
    case "paragraph":
      return `${escapeMarkdown(b.text)}\n`;
    case "list":
      return `${b.items.map((i) => `- ${escapeMarkdown(i)}`).join("\n")}\n`;
    case "table":
      return markdownTable(b.table);
    case "figures":
      return `${b.items.map((f, i) => `- **${escapeMarkdown(f.label)}:** ${mdCell(f.value, ["items", i, "value"])}`).join("\n")}\n`;
    case "chart":
      if (b.file !== undefined) {
        if (!SAFE_FILE.test(b.file)) throw ValidationError.single([...path, "file"], "a chart file linked from Markdown is a relative .svg path of letters, digits, _ . / - without '..'", "report");
        return `![${escapeMarkdown(b.caption)}](${b.file})\n`;
      }
      return `*Chart: ${escapeMarkdown(b.caption)} (shown in the HTML report).*\n`;
    default:
      throw ValidationError.single([...path, "kind"], `unknown block kind ${JSON.stringify((b as { kind?: unknown }).kind)}`, "report block");
  }
}

function section(s: ReportSection, depth: number, path: readonly (string | number)[]): string {
  const head = `${"#".repeat(Math.min(depth, 6))} ${escapeMarkdown(s.heading)}\n`;
  return [head, ...s.blocks.map((b, i) => block(b, [...path, "blocks", i])), ...(s.sections ?? []).map((c, i) => section(c, depth + 1, [...path, "sections", i]))].join("\n");
}

// Two different charts linked as one file would show the same image twice, one of them under the wrong heading.
function checkChartFiles(report: Report): void {
  const seen = new Map<string, string>();
  const walk = (s: ReportSection, path: readonly (string | number)[]) => {
    s.blocks.forEach((b, i) => {
      if (b.kind !== "chart" || b.file === undefined) return;
      const svg = seen.get(b.file);
      if (svg !== undefined && svg !== b.svg) throw ValidationError.single([...path, "blocks", i, "file"], `another chart is written to ${b.file} already`, "report");
      seen.set(b.file, b.svg);
    });
    (s.sections ?? []).forEach((c, i) => walk(c, [...path, "sections", i]));
  };
  report.sections.forEach((s, i) => walk(s, ["sections", i]));
}

/**
 * Renders a {@link Report} to Markdown: `#` title, `##` sections, GFM tables, lists, key figures. Charts appear as
 * an image link when the block names a `file`, otherwise as their caption. All user text is escaped.
 *
 * @throws {ValidationError} for a malformed report ({@link validateReport}: shape, section depth), or two different
 *   charts naming one `file`.
 * @example
 * ```ts
 * renderMarkdownReport({ title: "Portfolio", asOf: "2026-11-20", sections: [{ heading: "Health", blocks: [] }] });
 * // "# Portfolio\n\nAs of 2026-11-20.\n\n## Health\n"
 * ```
 */
export function renderMarkdownReport(report: Report): string {
  validateReport(report);
  checkChartFiles(report);
  const head = [`# ${escapeMarkdown(report.title)}\n`];
  if (report.subtitle) head.push(`${escapeMarkdown(report.subtitle)}\n`);
  if (report.asOf) head.push(`As of ${escapeMarkdown(report.asOf)}.\n`);
  return [...head, ...report.sections.map((s, i) => section(s, 2, ["sections", i]))].join("\n");
}
