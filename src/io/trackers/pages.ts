import type { ValidationIssue } from "../../core/index.js";

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : undefined);

/**
 * Where a saved API answer says it is one page of a longer list — Jira's REST search (`startAt`, `total`; or
 * `isLast: false` from `/search/jql`), GitHub's `gh project item-list` (`totalCount` beyond its `--limit`, 30 by
 * default) — one issue at the page field; none for a whole list. Read as the whole export, a page would leave out
 * the points of every item on the other pages. @internal
 */
export function pageIssues(doc: unknown, listed: number): ValidationIssue[] {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return [];
  const o = doc as Record<string, unknown>;
  const own = (k: string) => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
  const merge = "save every page and put their items into one list (or fetch with a larger maxResults / --limit)";
  const issue = (field: string, message: string): ValidationIssue[] => [{ path: [field], message: `${message}: ${merge}`, code: "custom" }];
  const startAt = num(own("startAt")) ?? 0;
  const total = num(own("total"));
  const range = `items ${startAt + 1}–${startAt + listed}`;
  if (startAt > 0) return issue("startAt", `the export is one page, ${range}${total === undefined ? "" : ` of ${total}`}`);
  if (total !== undefined && listed < total) return issue("total", `the export is one page, ${range} of ${total}`);
  if (own("isLast") === false) return issue("isLast", `the export is one page (isLast is false: more pages follow)`);
  const totalCount = num(own("totalCount"));
  if (totalCount !== undefined && listed < totalCount) return issue("totalCount", `the export holds ${listed} of ${totalCount} items`);
  return [];
}
