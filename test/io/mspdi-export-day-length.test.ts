import { describe, expect, it } from "vitest";
import { mspdiToPmokit, pmokitToMspdi, readMspdi, writeMspdi } from "../../src/io/index.js";
import { fixtureText, IMPORTED_AT } from "./fixtures.js";

const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const field = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

describe("MSPDI export: the day length it states", () => {
  it("keeps the working days of a 450-minute file (mspditimephased.xml) through import → export → import", () => {
    const first = mspdiToPmokit(readMspdi(fixtureText("mspdi/mpxj_mspditimephased.xml")).document, OPTIONS).records;
    const xml = writeMspdi(pmokitToMspdi({ project: first.project![0]!, workPackages: first["work-package"]! }).document);
    // pmokit holds days, not hours: the export states MS Project's default day (480 minutes, 08:00–12:00, 13:00–17:00)
    // and writes each duration on it. Task 36: PT50H0M0S at 450 minutes = 6.666667 days → 6.666667 × 480 min = PT53H20M0.0096S.
    expect([field(xml, "MinutesPerDay"), field(xml, "MinutesPerWeek")]).toEqual(["480", "2400"]);
    expect(/<UID>36<\/UID>[\s\S]*?<Duration>([^<]*)<\/Duration>/.exec(xml)?.[1]).toBe("PT53H20M0.0096S");
    const again = mspdiToPmokit(readMspdi(xml).document, OPTIONS).records;
    const days = (r: typeof first) => r["work-package"]!.map((w) => [w.id, w.durationDays?.toFixed(), w.plannedStart, w.plannedFinish]);
    expect(days(again)).toEqual(days(first));
    expect(days(first).find(([id]) => id === "prj-x-t36")).toEqual(["prj-x-t36", "6.666667", "2008-11-20", "2008-11-28"]);
  });

  it("states a week of the calendar's working days (six days: 2880 minutes, before always 2400)", () => {
    const { project, "work-package": packages } = mspdiToPmokit(readMspdi(fixtureText("mspdi/mpxj_mspdiresource.xml")).document, OPTIONS).records;
    const sixDays = { ...project![0]!, calendar: { name: "Six days", workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: [] } };
    const xml = writeMspdi(pmokitToMspdi({ project: sixDays, workPackages: packages! }).document);
    expect([field(xml, "MinutesPerDay"), field(xml, "MinutesPerWeek")]).toEqual(["480", "2880"]);
  });
});
