import { ValidationError, createWorkingCalendar } from "../../src/index.js";
import type { LevellingInput, ScheduleInput, ScheduleResult, ScheduledActivity } from "../../src/index.js";

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

/**
 * Started work behind two levelled predecessors (test/schedule/levelling-started.test.ts derives its dates): status Wed
 * 2027-01-06; A (3 d, no resource) started Mon 4 with 1 day left; its FS predecessors P and X (3 d each) share the
 * 1-unit R. Levelled: P Thu 7–Mon 11, X Tue 12–Thu 14, A's remaining day Fri 15, pushed by X.
 */
export const STARTED_BEHIND_LEVELLED: LevellingInput = {
  network: {
    projectStart: "2027-01-04",
    statusDate: "2027-01-06",
    activities: [{ id: "A", duration: 3, progress: { actualStart: "2027-01-04", remainingDuration: 1 } }, { id: "P", duration: 3 }, { id: "X", duration: 3 }],
    links: [{ from: "P", to: "A" }, { from: "X", to: "A" }],
  },
  resources: [{ id: "R", maxUnits: 1 }],
  assignments: [{ activityId: "P", resourceId: "R", units: 1 }, { activityId: "X", resourceId: "R", units: 1 }],
};

/**
 * Out of sequence: X (3 d) → Y (3 d) FS. Status Wed 6 January 2027. X started Mon 4 with 1 day left (Thu 7); Y started
 * Tue 5, before X finished, with 1 day left. Retained logic finishes Fri 8, progress override Thu 7.
 */
export const OUT_OF_SEQUENCE: ScheduleInput = {
  projectStart: "2027-01-04",
  statusDate: "2027-01-06",
  activities: [
    { id: "X", duration: 3, progress: { actualStart: "2027-01-04", remainingDuration: 1 } },
    { id: "Y", duration: 3, progress: { actualStart: "2027-01-05", remainingDuration: 1 } },
  ],
  links: [{ from: "X", to: "Y" }],
};

/** The items in an order fixed by the seed (Fisher–Yates on a 32-bit LCG): the same seed, the same permutation. */
export function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const a = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}
