import { ValidationError, checkArguments, checkOptionKeys } from "../core/index.js";
import type { TraceAnalysis } from "./analysis.js";
import { requireTraceAnalysis } from "./guards.js";
import type { EvidenceStatus } from "./evidence.js";
import type { TraceAnalysisResult } from "./result.js";
import { TRACE_ITEM_TYPES } from "./rules.js";
import type { TraceStore } from "./store.js";
import type { TraceItemKind } from "./types.js";

/*
 * The requirements traceability matrix (RTM) as data: one row per requirement, one column per chosen group of item
 * types, each cell the linked items with the link's suspicion and, for tests, the test's evidence status. Renderers
 * (Markdown, HTML, CSV) print it; nothing here formats text.
 */

/** One RTM column: which linked items it shows. */
export interface MatrixColumn {
  /** Header (`"Design"`, `"Unit tests"`). */
  readonly label: string;
  /** Item types shown. */
  readonly itemTypes: readonly string[];
  /**
   * Item kinds shown whatever their type (`["test-case"]`): an office's own levels and test kinds (the rules'
   * `itemTypes` read through `typeFields`) are then shown without naming each type.
   */
  readonly itemKinds?: readonly TraceItemKind[];
  /**
   * Link types followed (default: every type that traces, and the implicit run and defect links — not `depends-on`,
   * which records a dependency and covers nothing, nor a custom type the rules do not declare).
   */
  readonly linkTypes?: readonly string[];
  /** `incoming`: items linking to the requirement (tests, code); `outgoing`: items it links to (its parents). */
  readonly direction?: "incoming" | "outgoing";
}

/**
 * The usual RTM columns (typical RTM: design reference, implementation, test cases, defects), plus children.
 *
 * @example
 * ```ts
 * DEFAULT_MATRIX_COLUMNS.map((c) => c.label); // ["Parent", "Children", "Design", "Implementation", "Tests", "Defects"]
 * ```
 */
export const DEFAULT_MATRIX_COLUMNS: readonly MatrixColumn[] = Object.freeze([
  { label: "Parent", itemTypes: [], itemKinds: ["requirement"], linkTypes: ["derives", "refines"], direction: "outgoing" },
  { label: "Children", itemTypes: [], itemKinds: ["requirement"], linkTypes: ["derives", "refines"], direction: "incoming" },
  { label: "Design", itemTypes: ["design", "document"], direction: "incoming" },
  { label: "Implementation", itemTypes: ["code", "database-change", "operations-change", "configuration", "other"], direction: "incoming" },
  { label: "Tests", itemTypes: [], itemKinds: ["test-case"], linkTypes: ["verifies"], direction: "incoming" },
  { label: "Defects", itemTypes: [], itemKinds: ["defect"], linkTypes: ["affects"], direction: "incoming" },
]);

/** One linked item in a cell. */
export interface MatrixEntry {
  /** `kind:id`. */
  readonly item: string;
  /** The link id. */
  readonly link: string;
  /** Whether the link is suspect (any of them, when the item is linked more than once). */
  readonly suspect: boolean;
  /** The other links between the same two items in this column (a repeated link), when there are any. */
  readonly duplicateLinks?: readonly string[];
  /**
   * When the link pins another revision than the target's current one (OpenFastTrace's `outdated` / `predated`, as
   * `result.linkRevisions` says): such a link covers nothing and its test gives no evidence, so the entry has none.
   */
  readonly revision?: "outdated" | "predated";
  /** For a test case: its status from its latest run in scope. */
  readonly evidence?: EvidenceStatus;
  /** When the linked item is retired (the rules' `inactive`): the status that retires it (`"deprecated"`). */
  readonly inactive?: string;
}

/** One cell. */
export interface MatrixCell {
  /** `empty`, `linked`, or `suspect` when any of its links is. */
  readonly status: "empty" | "linked" | "suspect";
  /** The linked items, sorted, each once (a repeated link is one entry, as coverage counts distinct items). */
  readonly entries: readonly MatrixEntry[];
}

/** One row. */
export interface MatrixRow {
  /** `kind:id`. */
  readonly item: string;
  /** The requirement id. */
  readonly id: string;
  /** Its type. */
  readonly type: string;
  /** Its title, if any. */
  readonly title?: string;
  /** Its lifecycle status as stored (`"approved"`, `"rejected"`…), when it has one. */
  readonly status?: string;
  /**
   * When the requirement is retired (the rules' `inactive`, as `result.inactive` names it): the status that retires
   * it. Such a row is kept, so its links stay visible, but it needs no coverage and has no evidence.
   */
  readonly inactive?: string;
  /** Shallow coverage (`no-rule` when its type has none, `inactive` when the requirement is retired). */
  readonly coverage: "covered" | "uncovered" | "no-rule" | "inactive";
  /**
   * Deep coverage (OFT: shallow, and every counted covering item deep-covered, recursively; `cycle` in a loop of
   * covering links), when the requirement has a rule: a row can be shallow-`covered` by a child that is itself
   * uncovered, which `coverage` alone does not show.
   */
  readonly deep?: "covered" | "uncovered" | "cycle";
  /** Rolled-up evidence (`INACTIVE` when the requirement is retired: it gives and gets none). */
  readonly evidence: EvidenceStatus | "INACTIVE";
  /** One cell per column. */
  readonly cells: readonly MatrixCell[];
  /**
   * Links that trace to or from the requirement (every type that traces, and the implicit defect links) but that no
   * column shows — an item of a type no column lists — sorted, when there are any: nothing linked leaves the RTM unseen.
   */
  readonly unshown?: readonly string[];
}

/** The RTM. */
export interface TraceMatrix {
  /** Column headers. */
  readonly columns: readonly string[];
  /** Rows, by requirement key. */
  readonly rows: readonly MatrixRow[];
}

/**
 * Builds the RTM from an analysis: rows are the requirements (optionally only some types), columns as chosen. A
 * retired requirement (the rules' `inactive`) keeps its row, marked `inactive` with coverage `inactive` and evidence
 * `INACTIVE`; a retired item in a cell is marked `inactive` too. An entry whose links all pin another revision than
 * the requirement's is marked `revision` (`outdated` / `predated`); links no column shows are listed in `unshown`.
 *
 * @throws {ValidationError} for a row or column item type that is neither built in, declared in the rules nor the type
 *   of an item, a link type the graph does not know, or a direction other than `incoming`/`outgoing` (paths such as
 *   `["columns", 2, "linkTypes", 0]`) — a typo would otherwise give an empty row set or column.
 * @example
 * ```ts
 * const rtm = traceMatrix(analysis, { rowTypes: ["functional"] });
 * rtm.rows[0].cells[4]; // { status: "linked", entries: [{ item: "test-case:TC-001", link: "…", suspect: false, evidence: "OK" }] }
 * ```
 */
export function traceMatrix(
  analysis: TraceAnalysis,
  options: { readonly rowTypes?: readonly string[]; readonly columns?: readonly MatrixColumn[]; readonly result?: TraceAnalysisResult } = {},
): TraceMatrix {
  requireTraceAnalysis(analysis, "traceMatrix");
  checkArguments("traceMatrix", { options: [options, "object"] });
  checkOptionKeys("traceMatrix", options, { rowTypes: 1, columns: 1, result: 1 } satisfies Record<keyof typeof options, 1>);
  const g = analysis.graph;
  const columns = options.columns ?? DEFAULT_MATRIX_COLUMNS;
  checkMatrixOptions(g.store, options.rowTypes, columns);
  const result = options.result ?? analysis.result();
  const suspect = new Set(result.suspects.map((s) => s.link));
  const pinned = new Map(result.linkRevisions.map((x) => [x.link, x.status]));
  const coverage = new Map(result.coverage.map((c) => [c.item, c]));
  const evidence = new Map(result.evidence.map((e) => [e.item, e]));
  const reg = g.store.reg;
  const traces = (linkType: string) => {
    const t = reg.find(linkType);
    const def = t === undefined ? undefined : reg.def(t);
    return def !== undefined && (def.covers || def.implicit);
  };
  const rows: MatrixRow[] = [];
  const reqs = g.items().filter((i) => i.kind === "requirement" && (!options.rowTypes || options.rowTypes.includes(i.type)));
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const r of reqs) {
    const ev = evidence.get(r.key);
    const shown = new Set<string>();
    const cells = columns.map((col): MatrixCell => {
      const links = col.direction === "outgoing" ? g.outgoing(r.key) : g.incoming(r.key);
      // Neighbours come sorted by link id, so the first link to an item is the one an entry names.
      const byItem = new Map<string, { link: string; others: string[]; suspect: boolean; pins: string | undefined }>();
      for (const n of links) {
        const other = g.item(n.other);
        if (!other || !(col.itemTypes.includes(other.type) || col.itemKinds?.includes(other.kind)) || !(col.linkTypes ? col.linkTypes.includes(n.linkType) : traces(n.linkType))) continue;
        shown.add(n.linkId);
        const seen = byItem.get(n.other);
        // A link pinning another revision covers nothing: the entry says so when every one of its links does.
        const pins = pinned.get(n.linkId);
        const voids = pins === "outdated" || pins === "predated" ? pins : undefined;
        if (seen) {
          seen.others.push(n.linkId);
          seen.suspect ||= suspect.has(n.linkId);
          if (voids === undefined) seen.pins = undefined;
        } else byItem.set(n.other, { link: n.linkId, others: [], suspect: suspect.has(n.linkId), pins: voids });
      }
      const entries: MatrixEntry[] = [];
      for (const [item, x] of byItem) {
        // A test linked only through links pinning another revision is none of the row's tests (ev.tests leaves it out).
        const test = ev?.tests.find((t) => t.testCase === item);
        const retired = g.item(item)?.inactive;
        entries.push({
          item, link: x.link, suspect: x.suspect, ...(x.others.length > 0 ? { duplicateLinks: x.others } : {}),
          ...(x.pins !== undefined ? { revision: x.pins as "outdated" | "predated" } : {}), ...(test ? { evidence: test.status } : {}),
          ...(retired !== undefined ? { inactive: retired } : {}),
        });
      }
      entries.sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
      return { status: entries.length === 0 ? "empty" : entries.some((x) => x.suspect) ? "suspect" : "linked", entries };
    });
    // Links that trace (not depends-on) but that no column showed.
    const unshown = [...g.outgoing(r.key), ...g.incoming(r.key)].filter((n) => !shown.has(n.linkId) && traces(n.linkType)).map((n) => n.linkId).sort();
    const title = r.entity.title;
    const status = r.entity.status;
    // A retired requirement is in no level and has no evidence entry: say so rather than "no-rule" / "UNCOVERED".
    const retired = r.inactive;
    const cov = coverage.get(r.key);
    rows.push({
      item: r.key,
      id: r.id,
      type: r.type,
      ...(typeof title === "string" ? { title } : {}),
      ...(typeof status === "string" ? { status } : {}),
      ...(retired !== undefined ? { inactive: retired } : {}),
      coverage: retired !== undefined ? "inactive" : cov?.shallow ?? "no-rule",
      ...(retired === undefined && cov !== undefined ? { deep: cov.deep } : {}),
      evidence: retired !== undefined ? "INACTIVE" : ev?.rolledUp ?? "UNCOVERED",
      cells,
      ...(unshown.length > 0 ? { unshown } : {}),
    });
  }
  return { columns: columns.map((c) => c.label), rows };
}

const KINDS: readonly string[] = ["requirement", "artifact", "test-case", "test-run", "defect"];
const COLUMN_KEYS = { label: 1, itemTypes: 1, itemKinds: 1, linkTypes: 1, direction: 1 } satisfies Record<keyof MatrixColumn, 1>;

/** Refuses names the graph cannot know: each would silently select nothing. */
function checkMatrixOptions(store: TraceStore, rowTypes: readonly string[] | undefined, columns: readonly MatrixColumn[]): void {
  const itemTypes = new Set([...TRACE_ITEM_TYPES, ...store.rules.itemTypes]);
  for (const it of store.items) itemTypes.add(it.type);
  const issues: { path: (string | number)[]; message: string; code: "custom" }[] = [];
  const itemType = (t: unknown, path: (string | number)[]) => {
    if (typeof t !== "string" || !itemTypes.has(t)) issues.push({ path, message: `unknown item type ${JSON.stringify(t)}: neither built in, declared in the rules' itemTypes nor the type of an item`, code: "custom" });
  };
  rowTypes?.forEach((t, i) => itemType(t, ["rowTypes", i]));
  columns.forEach((c, i) => {
    // A misspelt key (`linktypes`) would leave its default in force: the column would follow every link type.
    checkOptionKeys("traceMatrix", c, COLUMN_KEYS, ["columns", i]);
    c.itemTypes.forEach((t, j) => itemType(t, ["columns", i, "itemTypes", j]));
    c.itemKinds?.forEach((k, j) => {
      if (!KINDS.includes(k)) issues.push({ path: ["columns", i, "itemKinds", j], message: `unknown item kind ${JSON.stringify(k)}: expected ${KINDS.join(", ")}`, code: "custom" });
    });
    c.linkTypes?.forEach((t, j) => {
      if (typeof t !== "string" || store.reg.find(t) === undefined) issues.push({ path: ["columns", i, "linkTypes", j], message: `unknown link type ${JSON.stringify(t)}`, code: "custom" });
    });
    if (c.direction !== undefined && c.direction !== "incoming" && c.direction !== "outgoing") {
      issues.push({ path: ["columns", i, "direction"], message: `a direction is "incoming" or "outgoing", not ${JSON.stringify(c.direction)}`, code: "custom" });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues, "trace matrix options");
}
