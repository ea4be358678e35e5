import type { CellValue } from "./cells.js";
import type { SvgMarkup } from "./charts/svg.js";
import type { ReportTable } from "./table.js";

/** A paragraph of plain text (escaped on output; newlines become line breaks). */
export interface ParagraphBlock {
  /** Marks the block kind. */
  readonly kind: "paragraph";
  /** The text. */
  readonly text: string;
}

/** A bulleted list of plain-text lines ("why not" lines, blocking items). */
export interface ListBlock {
  /** Marks the block kind. */
  readonly kind: "list";
  /** The lines. */
  readonly items: readonly string[];
}

/** A table. */
export interface TableBlock {
  /** Marks the block kind. */
  readonly kind: "table";
  /** The table. */
  readonly table: ReportTable;
}

/** Key figures shown side by side (CPI, SPI, EAC…), each a label and a cell value. */
export interface FiguresBlock {
  /** Marks the block kind. */
  readonly kind: "figures";
  /** The figures. */
  readonly items: readonly { readonly label: string; readonly value: CellValue }[];
}

/** A chart made by one of the chart functions. */
export interface ChartBlock {
  /** Marks the block kind. */
  readonly kind: "chart";
  /** The SVG from a chart function (only those: the HTML report embeds it as is). */
  readonly svg: SvgMarkup;
  /** Caption under the chart, and the Markdown stand-in. */
  readonly caption: string;
  /** Relative path of the same SVG written beside a Markdown report (`charts/s-curve.svg`), to show it as an image. */
  readonly file?: string;
}

/** One block of a report section. */
export type ReportBlock = ParagraphBlock | ListBlock | TableBlock | FiguresBlock | ChartBlock;

/**
 * How the HTML report lays a section out. `summary`: always shown, never folded (the one-screen overview; leading
 * summary sections come before the table of contents). `open`: a foldable `<details>` that starts open (the default).
 * `collapsed`: a foldable `<details>` that starts closed. Print shows every section unfolded. Markdown, CSV, XLSX and
 * JSON show every section in full, whatever its layout (JSON keeps the field).
 */
export type SectionLayout = "summary" | "open" | "collapsed";

/** A section with a heading, its blocks and optional sub-sections. */
export interface ReportSection {
  /** The heading. */
  readonly heading: string;
  /** How the HTML report shows it; default `open` (see {@link SectionLayout}). */
  readonly layout?: SectionLayout;
  /** The blocks, in order. */
  readonly blocks: readonly ReportBlock[];
  /** Sub-sections (one heading level down). */
  readonly sections?: readonly ReportSection[];
}

/** A whole report as plain data; render it with `renderHtmlReport` or `renderMarkdownReport`. */
export interface Report {
  /** The report title. */
  readonly title: string;
  /** A line under the title (organisation, portfolio name). */
  readonly subtitle?: string;
  /** The status date the figures are as of (`YYYY-MM-DD`); printed, never taken from the clock. */
  readonly asOf?: string;
  /** The sections. */
  readonly sections: readonly ReportSection[];
}
