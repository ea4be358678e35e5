/**
 * Which MSPDI elements pmokit reads and writes, in the order of Microsoft's schema (mspdi_pj12.xsd sequences), so
 * an exported file validates and MS Project opens it. Anything not listed is reported as unmapped on import.
 */

/** A repeating child list: `<Container><Item/>…</Container>` or, without container, repeated `<Item/>`. */
export interface ListSpec {
  /** Key of the list in the read model (`tasks`, `baselines`). */
  readonly key: string;
  /** Wrapper element, if the items are wrapped (`Tasks` → `Task`). */
  readonly container?: string;
  /** Item element name. */
  readonly item: string;
  /** What an item holds. */
  readonly spec: ElementSpec;
}

/** The children pmokit keeps of one element kind, in schema order: a string is a simple field, an object a list. */
export interface ElementSpec {
  /** Children in schema (xs:sequence) order. */
  readonly children: readonly (string | ListSpec)[];
}

const leaf = (fields: readonly string[]): ElementSpec => ({ children: fields });
const timePeriod: ListSpec = { key: "timePeriod", item: "TimePeriod", spec: leaf(["FromDate", "ToDate"]) };
const workingTimes: ListSpec = { key: "workingTimes", container: "WorkingTimes", item: "WorkingTime", spec: leaf(["FromTime", "ToTime"]) };
const timephased: ListSpec = { key: "timephased", item: "TimephasedData", spec: leaf(["Type", "UID", "Start", "Finish", "Unit", "Value"]) };

/** Calendar: weekdays (DayType 1 = Sunday … 7 = Saturday, 0 = legacy exception) and exceptions. */
export const CALENDAR_SPEC: ElementSpec = {
  children: [
    "UID", "Name", "IsBaseCalendar", "IsBaselineCalendar", "BaseCalendarUID",
    { key: "weekDays", container: "WeekDays", item: "WeekDay", spec: { children: ["DayType", "DayWorking", timePeriod, workingTimes] } },
    {
      key: "exceptions",
      container: "Exceptions",
      item: "Exception",
      spec: {
        children: [
          "EnteredByOccurrences", timePeriod, "Occurrences", "Name", "Type", "Period", "DaysOfWeek", "MonthItem",
          "MonthPosition", "Month", "MonthDay", "DayWorking", workingTimes,
        ],
      },
    },
  ],
};

/** Task (schema order). */
export const TASK_SPEC: ElementSpec = {
  children: [
    "UID", "ID", "Name", "Type", "WBS", "OutlineNumber", "OutlineLevel", "Start", "Finish", "Duration", "DurationFormat",
    "Work", "Estimated", "Milestone", "Summary", "Critical", "EarlyStart", "EarlyFinish", "LateStart", "LateFinish",
    "FreeSlack", "TotalSlack", "FixedCost", "PercentComplete", "PercentWorkComplete", "Cost",
    "ActualStart", "ActualFinish", "ActualDuration", "ActualCost", "ActualWork", "RemainingDuration", "RemainingCost",
    "RemainingWork", "ACWP", "CV", "ConstraintType", "CalendarUID", "ConstraintDate", "Deadline", "LevelingDelay", "LevelingDelayFormat", "Notes", "BCWS", "BCWP",
    "PhysicalPercentComplete", "EarnedValueMethod",
    {
      key: "predecessors",
      item: "PredecessorLink",
      spec: leaf(["PredecessorUID", "Type", "CrossProject", "CrossProjectName", "LinkLag", "LagFormat"]),
    },
    {
      key: "baselines",
      item: "Baseline",
      spec: leaf(["Number", "Interim", "Start", "Finish", "Duration", "DurationFormat", "EstimatedDuration", "Work", "Cost", "BCWS", "BCWP"]),
    },
    timephased,
    "Active",
  ],
};

/** Resource (schema order). */
export const RESOURCE_SPEC: ElementSpec = {
  children: [
    "UID", "ID", "Name", "Type", "Initials", "Group", "EmailAddress", "MaxUnits", "Work", "ActualWork", "StandardRate",
    "StandardRateFormat", "Cost", "OvertimeRate", "OvertimeRateFormat", "CostPerUse", "ActualCost", "CalendarUID",
    "IsGeneric", "IsInactive", "IsCostResource", "IsBudget",
    { key: "baselines", item: "Baseline", spec: leaf(["Number", "Work", "Cost", "BCWS", "BCWP"]) },
    {
      key: "rates",
      container: "Rates",
      item: "Rate",
      spec: leaf(["RatesFrom", "RatesTo", "RateTable", "StandardRate", "StandardRateFormat", "OvertimeRate", "OvertimeRateFormat", "CostPerUse"]),
    },
    timephased,
  ],
};

/** Assignment (schema order). */
export const ASSIGNMENT_SPEC: ElementSpec = {
  children: [
    "UID", "TaskUID", "ResourceUID", "PercentWorkComplete", "ActualCost", "ActualFinish", "ActualStart", "ActualWork",
    "ACWP", "Cost", "CostRateTable", "CV", "Finish", "RemainingCost", "RemainingWork", "Start", "Units", "Work",
    "WorkContour", "BCWS", "BCWP", "BudgetCost", "BudgetWork",
    { key: "baselines", item: "Baseline", spec: leaf(["Number", "Start", "Finish", "Work", "Cost", "BCWS", "BCWP"]) },
    timephased,
  ],
};

/** Project properties (schema order) and its lists. */
export const PROJECT_SPEC: ElementSpec = {
  children: [
    "SaveVersion", "Name", "Title", "Company", "Author", "ScheduleFromStart", "StartDate", "FinishDate", "CurrencyDigits",
    "CurrencySymbol", "CurrencyCode", "CalendarUID", "MinutesPerDay", "MinutesPerWeek", "DaysPerMonth",
    "BaselineForEarnedValue", "StatusDate", "CurrentDate", "DefaultTaskEVMethod",
    { key: "calendars", container: "Calendars", item: "Calendar", spec: CALENDAR_SPEC },
    { key: "tasks", container: "Tasks", item: "Task", spec: TASK_SPEC },
    { key: "resources", container: "Resources", item: "Resource", spec: RESOURCE_SPEC },
    { key: "assignments", container: "Assignments", item: "Assignment", spec: ASSIGNMENT_SPEC },
  ],
};
