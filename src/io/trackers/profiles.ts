import type { TrackerDateFormat } from "./item.js";

/** Where each item field is found: a column header (CSV) or a property path (JSON, one segment per level). */
export type TrackerField = string | readonly string[];

/**
 * A mapping profile: the field names of one tool's export (custom fields differ per site: change them here), which
 * item types are packages, which states mean done or in progress, and how dates are written.
 */
export interface TrackerProfile {
  /** The tool, for the import report: `jira`, `azure-devops`, `github-projects` for the built-ins, any such name for your own. */
  readonly tool: string;
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
    /**
     * How the item was resolved or closed: Jira's `Resolution` (Done, Won't Do, Duplicate…), a GitHub issue's close
     * reason (`stateReason`: COMPLETED, NOT_PLANNED, DUPLICATE). Read against `excludedResolutions`.
     */
    readonly resolution?: TrackerField;
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
  /**
   * State (or status category) names that take an item out of scope — Azure DevOps' `Removed`, which ADO itself leaves
   * out of burndown and velocity; compared case-insensitively, before the other lists. Such an item is neither to do
   * nor done: its points count nowhere, and the import report lists it (`excluded`).
   */
  readonly excludedStates?: readonly string[];
  /**
   * Resolutions (`fields.resolution`) that take an item out of scope, whatever its state: Jira's Won't Do or
   * Duplicate sit in the Done status category but are no work done; a GitHub issue closed as not planned likewise.
   */
  readonly excludedResolutions?: readonly string[];
  /** How text dates are written. */
  readonly dateFormat: TrackerDateFormat;
}

/** Jira statuses that mean the work was dropped (company-managed workflows often have one, in the Done category). */
const JIRA_EXCLUDED_STATES: readonly string[] = ["Cancelled", "Canceled", "Won't Do"];
/** Jira's resolutions for an issue closed without the work being done (Cloud's defaults, Server's, Service Management's). */
const JIRA_EXCLUDED_RESOLUTIONS: readonly string[] = ["Won't Do", "Won't Fix", "Duplicate", "Cannot Reproduce", "Incomplete", "Declined"];

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
    parent: "Parent", points: "Custom field (Story point estimate)", sprint: "Sprint", resolved: "Resolved", resolution: "Resolution",
  },
  packageTypes: ["Epic"],
  doneStates: ["Done"],
  inProgressStates: ["In Progress"],
  toDoStates: ["To Do", "Open", "Backlog", "Reopened", "Selected for Development"],
  excludedStates: JIRA_EXCLUDED_STATES,
  excludedResolutions: JIRA_EXCLUDED_RESOLUTIONS,
  dateFormat: "jira",
};

/**
 * Jira's REST search result (`/rest/api/3/search?jql=…`, saved as JSON): `customfield_10016` (story point estimate)
 * and `customfield_10020` (sprints) are Jira Cloud's usual ids; your site's may differ. Jira Server / Data Center's
 * `/rest/api/2/search` has the same shape; its sprint texts (`com.atlassian.greenhopper.service.sprint.Sprint@…[…]`) are
 * read as the sprint's name and dates.
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
    resolution: ["fields", "resolution", "name"],
  },
  packageTypes: ["Epic"],
  doneStates: ["done"],
  inProgressStates: ["indeterminate"],
  toDoStates: ["new", "undefined"],
  excludedStates: JIRA_EXCLUDED_STATES,
  excludedResolutions: JIRA_EXCLUDED_RESOLUTIONS,
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
  excludedStates: ["Removed"],
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
  excludedStates: ["Removed"],
  dateFormat: "iso",
};

/**
 * GitHub Projects `gh project item-list <n> --owner <o> --format json`: custom fields appear under their lower-case
 * names. The parent is a single-select `epic` field here (its value names the package); an `estimate` number
 * field holds the points and an `iteration` field the sprint. There is no resolution date in the export: done items
 * without one are dated at the import's status date. Nor is there an issue's close reason: an issue closed as not
 * planned is moved to "Done" by the project's built-in workflow like a completed one. When your export carries the
 * reason (the GraphQL `stateReason`), point `fields.resolution` at it and such issues are left out of scope
 * (`excludedResolutions`: NOT_PLANNED, DUPLICATE).
 *
 * @example
 * ```ts
 * const profile = { ...GITHUB_PROJECTS_PROFILE, fields: { ...GITHUB_PROJECTS_PROFILE.fields, points: ["story points"], resolution: ["content", "stateReason"] } };
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
  excludedResolutions: ["NOT_PLANNED", "DUPLICATE"],
  dateFormat: "iso",
};
