import { ValidationError, createWorkingCalendar } from "../../src/index.js";
import type { ScheduleResult, ScheduledActivity } from "../../src/index.js";

/** Every day works: day offsets equal calendar days (for textbook networks counted in plain time units). */
export const SEVEN_DAY = createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] });

/** The scheduled activity with the id (fails loudly when absent). */
export function act(r: ScheduleResult, id: string): ScheduledActivity {
  const a = r.activities.find((x) => x.id === id);
  if (!a) throw new Error(`no activity ${id}`);
  return a;
}

/** [ES, EF, LS, LF, TF] of an activity, dates and float as plain strings. */
export function row(r: ScheduleResult, id: string): [string, string, string, string, string] {
  const a = act(r, id);
  return [a.earlyStart, a.earlyFinish, a.lateStart, a.lateFinish, a.totalFloat.toFixed()];
}

/** The "path: message" lines of the ValidationError that `run` throws ([] when it does not throw). */
export function validationIssues(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw e;
  }
  return [];
}
