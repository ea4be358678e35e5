import { checkArguments } from "../../core/index.js";
import { scaleUtc } from "d3-scale";
import { escapeHtml } from "../escape.js";
import { Issues, REF_STYLE, bottomAxis, clip, dateMs, dateTickFormat, legend, marker, px, svgDocument, textWidth, verticalMarker, type LegendItem, type SvgMarkup } from "./svg.js";

/** One row of a Gantt chart: an activity's bar (start morning to finish evening) or a milestone (a diamond). */
export interface GanttRow {
  /** Activity id (links name it). */
  readonly id: string;
  /** Row label. */
  readonly label: string;
  /** First day (`YYYY-MM-DD`). */
  readonly start: string;
  /** Last day (inclusive). */
  readonly finish: string;
  /** Baseline first and last day, drawn as a thin bar under the current one. */
  readonly baseline?: { readonly start: string; readonly finish: string };
  /** On the critical path: drawn dark with a heavy outline. */
  readonly critical?: boolean;
  /** A zero-duration event (drawn as a diamond on `finish`). */
  readonly milestone?: boolean;
}

/** A dependency arrow between two rows. */
export interface GanttLink {
  /** Predecessor row id. */
  readonly from: string;
  /** Successor row id. */
  readonly to: string;
  /** Link type; the arrow leaves the predecessor's finish (FS, FF) or start (SS, SF) and enters the successor's start (FS, SS) or finish (FF, SF). */
  readonly type: "FS" | "SS" | "FF" | "SF";
  /** Driving link (the one that set the successor's date): drawn solid, others dashed. */
  readonly driving?: boolean;
}

const LINK_TYPES: ReadonlySet<unknown> = new Set(["FS", "SS", "FF", "SF"]);

/** Input of {@link ganttChart}. */
export interface GanttInput {
  /** Chart title (also the SVG `<title>`). */
  readonly title: string;
  /** Text for the SVG `<desc>`; default: a summary. */
  readonly description?: string;
  /** Rows, top to bottom. */
  readonly rows: readonly GanttRow[];
  /** Dependency arrows. */
  readonly links?: readonly GanttLink[];
  /** Status date, drawn as a dotted vertical line. */
  readonly statusDate?: string;
  /** Width in pixels, default 900 (the height follows from the rows). */
  readonly width?: number;
}

const ROW_H = 22;
const DAY = 86_400_000;
// Okabe–Ito vermillion (grey ≈ 110) with a black outline for critical bars; sky blue (grey ≈ 165) for the others;
// baselines hollow grey: the three read apart in greyscale, and critical rows also say so in their <title>.
const CRITICAL = "#D55E00";
const NORMAL = "#56B4E9";
const BASELINE = "#9a9a9a";

/**
 * A Gantt chart: one row per activity with its bar (or a diamond for a milestone), the baseline as a thin hollow bar
 * beneath it, critical activities dark with a heavy outline, dependency arrows (driving links solid, others dashed),
 * a dotted status-date line, a dated axis, a legend, `<title>` and `<desc>`; every bar has a `<title>` with its
 * dates. Deterministic.
 *
 * @throws {ValidationError} for a bad date (path `rows[i].start`), a finish before the start, a duplicate row id,
 * a link to an unknown row or a link type other than FS, SS, FF and SF.
 * @example
 * ```ts
 * ganttChart({
 *   title: "CRM replacement — schedule",
 *   rows: [
 *     { id: "A", label: "Design", start: "2027-01-04", finish: "2027-01-15", critical: true, baseline: { start: "2027-01-04", finish: "2027-01-08" } },
 *     { id: "B", label: "Build", start: "2027-01-18", finish: "2027-02-12", critical: true },
 *     { id: "M", label: "Go-live", start: "2027-02-12", finish: "2027-02-12", milestone: true },
 *   ],
 *   links: [{ from: "A", to: "B", type: "FS", driving: true }, { from: "B", to: "M", type: "FS" }],
 *   statusDate: "2027-01-20",
 * });
 * ```
 */
export function ganttChart(input: GanttInput): SvgMarkup {
  checkArguments("ganttChart", { input: [input, "object"] });
  const issues = new Issues();
  if (typeof input.title !== "string" || input.title.trim() === "") issues.add(["title"], "a chart needs a title");
  const rows = Array.isArray(input.rows) ? input.rows : [];
  if (rows.length === 0) issues.add(["rows"], "expected at least one row");
  const width = input.width ?? 900;
  if (!Number.isInteger(width) || width < 320 || width > 4000) issues.add(["width"], "width must be an integer from 320 to 4000");
  const index = new Map<string, number>();
  rows.forEach((r, i) => {
    issues.date(r?.start, ["rows", i, "start"]);
    issues.date(r?.finish, ["rows", i, "finish"]);
    if (typeof r?.finish === "string" && typeof r.start === "string" && r.finish < r.start) issues.add(["rows", i, "finish"], "finish before start");
    if (r?.baseline) {
      issues.date(r.baseline.start, ["rows", i, "baseline", "start"]);
      issues.date(r.baseline.finish, ["rows", i, "baseline", "finish"]);
    }
    if (index.has(r?.id)) issues.add(["rows", i, "id"], `row id ${String(r?.id)} given twice`);
    index.set(r?.id, i);
  });
  const links = input.links ?? [];
  links.forEach((l, i) => {
    if (!index.has(l.from)) issues.add(["links", i, "from"], `unknown row ${String(l.from)}`);
    if (!index.has(l.to)) issues.add(["links", i, "to"], `unknown row ${String(l.to)}`);
    // The type names the arrow's class, so only the four link types pass (a JavaScript caller is not type-checked).
    if (!LINK_TYPES.has(l.type)) issues.add(["links", i, "type"], "a link type is FS, SS, FF or SF");
  });
  if (input.statusDate !== undefined) issues.date(input.statusDate, ["statusDate"]);
  issues.throwIfAny("Gantt chart");

  const labels = rows.map((r) => clip(r.label, 40));
  const left = Math.min(width * 0.4, 16 + Math.max(...labels.map((l) => textWidth(l, 6.2))));
  const right = width - 24;
  const items: LegendItem[] = [
    { label: "Critical", style: { colour: CRITICAL, width: 8 } },
    { label: "Not critical", style: { colour: NORMAL, width: 8 } },
    { label: "Baseline", style: { colour: BASELINE, width: 3, dash: "4 2" } },
    { label: "Milestone", style: { colour: "#222222", marker: "diamond" }, swatch: "dot" },
    ...(input.statusDate ? [{ label: `Status date ${input.statusDate}`, style: REF_STYLE }] : []),
  ];
  const lg = legend(items, left, width);
  const top = lg.bottom + 4;
  const bottom = top + rows.length * ROW_H;
  const height = bottom + 52;
  const times = rows.flatMap((r) => [dateMs(r.start), dateMs(r.finish) + DAY, ...(r.baseline ? [dateMs(r.baseline.start), dateMs(r.baseline.finish) + DAY] : [])]);
  if (input.statusDate) times.push(dateMs(input.statusDate) + DAY);
  let t0 = Math.min(...times), t1 = Math.max(...times);
  if (t1 - t0 < 7 * DAY) t1 = t0 + 7 * DAY;
  const x = scaleUtc().domain([new Date(t0), new Date(t1)]).range([left, right]);
  const xs = (date: string, end: boolean) => x(new Date(dateMs(date) + (end ? DAY : 0)));
  const yMid = (i: number) => top + i * ROW_H + ROW_H / 2;

  const bars = rows.map((r, i) => {
    const y = yMid(i);
    const label = `<text x="${px(left - 6)}" y="${px(y + 4)}" text-anchor="end" font-size="11"${r.critical ? ' font-weight="bold"' : ""}><title>${escapeHtml(r.label)}</title>${escapeHtml(labels[i] ?? "")}</text>`;
    const tip = `${r.label}: ${r.start === r.finish ? r.finish : `${r.start} to ${r.finish}`}${r.critical ? " (critical)" : ""}${r.baseline ? `; baseline ${r.baseline.start} to ${r.baseline.finish}` : ""}`;
    const base = r.baseline
      ? `<rect class="baseline" x="${px(xs(r.baseline.start, false))}" y="${px(y + 5)}" width="${px(Math.max(2, xs(r.baseline.finish, true) - xs(r.baseline.start, false)))}" height="4" fill="#ffffff" stroke="${BASELINE}" stroke-dasharray="4 2"/>`
      : "";
    const shape = r.milestone
      ? marker("diamond", xs(r.finish, true), y, r.critical ? CRITICAL : "#222222", 90)
      : `<rect class="bar" x="${px(xs(r.start, false))}" y="${px(y - 7)}" width="${px(Math.max(2, xs(r.finish, true) - xs(r.start, false)))}" height="11" fill="${r.critical ? CRITICAL : NORMAL}" stroke="${r.critical ? "#000000" : "#2b6f96"}" stroke-width="${r.critical ? 1.5 : 0.75}"/>`;
    return `<g class="row${r.critical ? " critical" : ""}${r.milestone ? " milestone" : ""}"><title>${escapeHtml(tip)}</title>${label}${base}${shape}</g>`;
  });
  const arrows = links.map((l) => {
    const a = rows[index.get(l.from)!]!, b = rows[index.get(l.to)!]!;
    const ia = index.get(l.from)!, ib = index.get(l.to)!;
    const x1 = l.type === "SS" || l.type === "SF" ? xs(a.start, false) : xs(a.finish, true);
    const x2 = l.type === "FS" || l.type === "SS" ? xs(b.start, false) : xs(b.finish, true);
    const y1 = yMid(ia), y2 = yMid(ib) + (ib > ia ? -7 : 7);
    const elbow = Math.max(x1, Math.min(x2, x1 + 8));
    const d = `M${px(x1)},${px(y1)}H${px(elbow)}V${px(y2)}H${px(x2)}`;
    // The arrowhead is drawn, not referenced (charts carry no url() references).
    const dir = x2 >= elbow ? 1 : -1;
    const head = `M${px(x2)},${px(y2)}L${px(x2 - 6 * dir)},${px(y2 - 3)}L${px(x2 - 6 * dir)},${px(y2 + 3)}Z`;
    return `<g class="link link-${l.type}"><title>${escapeHtml(`${l.from} → ${l.to} (${l.type}${l.driving ? ", driving" : ""})`)}</title><path d="${d}" fill="none" stroke="#333333" stroke-width="1"${l.driving ? "" : ' stroke-dasharray="3 2"'}/><path d="${head}" fill="#333333"/></g>`;
  });
  const ticks = x.ticks(Math.max(2, Math.floor((right - left) / 90)));
  const fmt = dateTickFormat(ticks);
  const status = input.statusDate ? verticalMarker("statusDate", xs(input.statusDate, true), top, bottom, (left + right) / 2, `Status date ${input.statusDate}`) : "";
  const critical = rows.filter((r) => r.critical).length;
  const desc = input.description ?? `${rows.length} activities from ${new Date(t0).toISOString().slice(0, 10)}, ${critical} critical, ${links.length} dependencies${input.statusDate ? `, status date ${input.statusDate}` : ""}.`;
  const body = bottomAxis(ticks.map((t) => ({ at: x(t), label: fmt(t) })), left, right, bottom, top, "Date") +
    `<g class="plot">${arrows.join("")}${bars.join("")}${status}</g>` + lg.svg;
  return svgDocument("gantt", { width, height }, input.title, desc, body);
}
