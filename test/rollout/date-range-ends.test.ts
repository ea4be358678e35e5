import { describe, expect, it } from "vitest";
import { DEFAULT_IT_ROLLOUT_TEMPLATE, STANDARD_CALENDAR, dueDateFor, isoDate, scheduleChecklist, scheduleRollout } from "../../src/index.js";
import { sampleRollout } from "./helpers.js";
import { validationErrorOf } from "../support/errors.js";

// A go-live at the end of the date range (9999-12-31, a Friday) puts the default template's T+n items (HYP-01 at T+1,
// DST-03 at T+10) in year 10000: scheduleRollout failed with "epoch day 2932897 … is outside years 0001–9999" at the
// root path, from inside the calendar, naming no argument. It is now refused at the anchor option that carries each
// item out of the range, naming the item. 0001-01-03 (a Wednesday) as go-live does the same for the T−n items.
const refusal = (f: () => unknown) => validationErrorOf(f).issues.map((i) => [i.path.join("."), i.message]);

describe("rollout due days at the ends of the date range", () => {
  it("scheduleRollout with go-live 9999-12-31 names options.goLive for each T+n item on it", () => {
    const f = () => scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive: isoDate("9999-12-31"), calendar: STANDARD_CALENDAR, cutoverStart: isoDate("9999-12-30"), hypercareEnd: isoDate("9999-12-31") });
    expect(refusal(f)).toEqual([
      ["options.goLive", "DST-03 (T+10) would be due outside years 0001–9999"],
      ["options.goLive", "HYP-01 (T+1) would be due outside years 0001–9999"],
      // The items after hypercare's end (on the same last Friday) name that option.
      ["options.hypercareEnd", "OPS-01 (T+1) would be due outside years 0001–9999"],
      ["options.hypercareEnd", "CLS-01 (T+10) would be due outside years 0001–9999"],
    ]);
  });
  it("scheduleRollout with go-live in the first days of 0001 names options.goLive for the T−n items", () => {
    const f = () => scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive: isoDate("0001-01-03"), calendar: STANDARD_CALENDAR, cutoverStart: isoDate("0001-01-02"), hypercareEnd: isoDate("0001-03-01") });
    const issues = refusal(f);
    // Wed 0001-01-03 is T0; Mon 0001-01-01 is T−2: every offset of 3 or more working days falls before it.
    expect(issues[0]).toEqual(["options.goLive", "GOV-01 (T-30) would be due outside years 0001–9999"]);
    const reached = DEFAULT_IT_ROLLOUT_TEMPLATE.entries.filter((e) => e.anchor === "go-live" && e.tMinusDays >= 3);
    expect(issues).toHaveLength(reached.length);
    expect(issues.every(([path]) => path === "options.goLive")).toBe(true);
  });
  it("dueDateFor names its anchor", () => {
    expect(refusal(() => dueDateFor(STANDARD_CALENDAR, isoDate("9999-12-31"), -1))).toEqual([
      ["anchor", "T+1 from 9999-12-31 would fall outside years 0001–9999"],
    ]);
    // A Sunday anchor's T0 is the Friday before; Sat 0001-01-06 has T0 Fri 0001-01-05, and T-5 is before Mon 0001-01-01.
    expect(refusal(() => dueDateFor(STANDARD_CALENDAR, isoDate("0001-01-06"), 5))).toEqual([
      ["anchor", "T-5 from 0001-01-06 would fall outside years 0001–9999"],
    ]);
    // T-4 from that Saturday is Monday 0001-01-01 itself, still a date.
    expect(dueDateFor(STANDARD_CALENDAR, isoDate("0001-01-06"), 4).due).toBe("0001-01-01");
  });
});

describe("scheduleChecklist at the end of the date range", () => {
  it("names the item whose due day would fall past 9999-12-31", () => {
    const { plan, items } = sampleRollout();
    const last = { ...plan, goLive: isoDate("9999-12-31"), cutoverStart: isoDate("9999-12-31"), hypercareEnd: isoDate("9999-12-31") };
    const after = items.map((it, i) => [i, it] as const).filter(([, it]) => it.tMinusDays < 0);
    expect(after.length).toBeGreaterThan(0);
    expect(refusal(() => scheduleChecklist(last, items))).toEqual(
      after.map(([i, it]) => [`${i}.tMinusDays`, `${it.code} (T+${-it.tMinusDays}) would be due outside years 0001–9999`]),
    );
  });
});
