import type { TrackerDateFormat } from "./item.js";

/** Where each item field is found: a column header (CSV) or a property path (JSON, one segment per level). */
export type TrackerField = string | readonly string[];

/**
 * A mapping profile: the field names of one tool's export (custom fields differ per site: change them here), which
 * item types are packages, which states mean done or in progress, and how dates are written.
 */
export interface TrackerProfile {
  /** The tool, for the import report. */
  readonly tool: "jira" | "azure-devops" | "github-projects";
  /** JSON exports: the property that holds the item list (`issues`, `value`, `items`). */
  readonly itemsPath?: string;
  /** Where the fields are. `statusCategory` (when given) wins over the state lists. */
  readonly fields: {
    readonly key: TrackerField;
    /** The tool's internal issue id, when a parent may be named by it rather than by its key (Jira's CSV `Parent`). */
    readonly id?: TrackerField;
    readonly title: TrackerField;
    readonly type?: TrackerField;
    readonly status: TrackerField;
    readonly statusCategory?: TrackerField;
    readonly parent?: TrackerField;
    readonly points?: TrackerField;
    readonly sprint?: TrackerField;
    readonly resolved?: TrackerField;
  };
  /** Item types that become work packages (epics, features). */
  readonly packageTypes: readonly string[];
  /** State (or status category) names that mean done; compared case-insensitively. */
  readonly doneStates: readonly string[];
  /** State (or status category) names that mean in progress; anything else is to do. */
  readonly inProgressStates: readonly string[];
  /**
   * State (or status category) names that mean to do. When given, a state in none of the three lists still counts
   * as to do but is reported (`unlisted-state`): a workflow's own done state ("Closed") does not go unnoticed.
   */
  readonly toDoStates?: readonly string[];
  /** How text dates are written. */
  readonly dateFormat: TrackerDateFormat;
}

/**
 * Jira's CSV export ("Export Excel CSV (all fields)"): `Custom field (Story point estimate)` is the points field of
 * team-managed projects; company-managed sites often use `Custom field (Story Points)`. Several `Sprint` columns are
 * read, the last filled one wins. `Parent` holds the parent's issue id: it is read back to the key through `Issue id`.
 *
 * @example
 * ```ts
 * const profile = { ...JIRA_CSV_PROFILE, fields: { ...JIRA_CSV_PROFILE.fields, points: "Custom field (Story Points)" } };
 * ```
 */
export const JIRA_CSV_PROFILE: TrackerProfile = {
  tool: "jira",
  fields: {
    key: "Issue key", id: "Issue id", title: "Summary", type: "Issue Type", status: "Status", statusCategory: "Status Category",
    parent: "Parent", points: "Custom field (Story point estimate)", sprint: "Sprint", resolved: "Resolved",
  },
  packageTypes: ["Epic"],
  doneStates: ["Done"],
  inProgressStates: ["In Progress"],
  toDoStates: ["To Do", "Open", "Backlog", "Reopened", "Selected for Development"],
  dateFormat: "jira",
};

/**
 * Jira's REST search result (`/rest/api/3/search?jql=…`, saved as JSON): `customfield_10016` (story point estimate)
 * and `customfield_10020` (sprints) are Jira Cloud's usual ids; your site's may differ.
 *
 * @example
 * ```ts
 * const profile = { ...JIRA_JSON_PROFILE, fields: { ...JIRA_JSON_PROFILE.fields, points: ["fields", "customfield_10028"] } };
 * ```
 */
export const JIRA_JSON_PROFILE: TrackerProfile = {
  tool: "jira",
  itemsPath: "issues",
  fields: {
    key: ["key"], id: ["id"], title: ["fields", "summary"], type: ["fields", "issuetype", "name"], status: ["fields", "status", "name"],
    statusCategory: ["fields", "status", "statusCategory", "key"], parent: ["fields", "parent", "key"],
    points: ["fields", "customfield_10016"], sprint: ["fields", "customfield_10020"], resolved: ["fields", "resolutiondate"],
  },
  packageTypes: ["Epic"],
  doneStates: ["done"],
  inProgressStates: ["indeterminate"],
  toDoStates: ["new", "undefined"],
  dateFormat: "iso",
};

/**
 * Azure DevOps work-item query exported as CSV (columns by display name; add `Parent` to the query's columns).
 * Dates are month first, as the default US locale writes them.
 *
 * @example
 * ```ts
 * const profile = { ...AZURE_DEVOPS_CSV_PROFILE, dateFormat: "day-month-year" as const };
 * ```
 */
export const AZURE_DEVOPS_CSV_PROFILE: TrackerProfile = {
  tool: "azure-devops",
  fields: {
    key: "ID", title: "Title", type: "Work Item Type", status: "State", parent: "Parent", points: "Story Points",
    sprint: "Iteration Path", resolved: "Closed Date",
  },
  packageTypes: ["Epic", "Feature"],
  doneStates: ["Closed", "Done", "Resolved"],
  inProgressStates: ["Active", "Committed", "In Progress"],
  toDoStates: ["New", "Proposed", "Approved", "To Do"],
  dateFormat: "month-day-year",
};

/**
 * Azure DevOps work items as JSON (`_apis/wit/workitemsbatch`, or the query result with fields), reference names.
 *
 * @example
 * ```ts
 * const profile = { ...AZURE_DEVOPS_JSON_PROFILE, fields: { ...AZURE_DEVOPS_JSON_PROFILE.fields, points: ["fields", "Microsoft.VSTS.Scheduling.Effort"] } };
 * ```
 */
export const AZURE_DEVOPS_JSON_PROFILE: TrackerProfile = {
  tool: "azure-devops",
  itemsPath: "value",
  fields: {
    key: ["id"], title: ["fields", "System.Title"], type: ["fields", "System.WorkItemType"], status: ["fields", "System.State"],
    parent: ["fields", "System.Parent"], points: ["fields", "Microsoft.VSTS.Scheduling.StoryPoints"],
    sprint: ["fields", "System.IterationPath"], resolved: ["fields", "Microsoft.VSTS.Common.ClosedDate"],
  },
  packageTypes: ["Epic", "Feature"],
  doneStates: ["Closed", "Done", "Resolved"],
  inProgressStates: ["Active", "Committed", "In Progress"],
  toDoStates: ["New", "Proposed", "Approved", "To Do"],
  dateFormat: "iso",
};

/**
 * GitHub Projects `gh project item-list <n> --owner <o> --format json`: custom fields appear under their lower-case
 * names. The parent is a single-select `epic` field here (its value names the package); an `estimate` number
 * field holds the points and an `iteration` field the sprint. There is no resolution date in the export: done items
 * without one are dated at the import's status date.
 *
 * @example
 * ```ts
 * const profile = { ...GITHUB_PROJECTS_PROFILE, fields: { ...GITHUB_PROJECTS_PROFILE.fields, points: ["story points"] } };
 * ```
 */
export const GITHUB_PROJECTS_PROFILE: TrackerProfile = {
  tool: "github-projects",
  itemsPath: "items",
  fields: { key: ["id"], title: ["title"], type: ["content", "type"], status: ["status"], parent: ["epic"], points: ["estimate"], sprint: ["iteration"], resolved: ["closed at"] },
  packageTypes: [],
  doneStates: ["Done"],
  inProgressStates: ["In Progress", "In Review"],
  toDoStates: ["Todo", "Backlog"],
  dateFormat: "iso",
};
