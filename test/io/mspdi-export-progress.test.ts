import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/core/index.js";
import { mspdiToPmokit, pmokitToMspdi, readMspdi, writeMspdi } from "../../src/io/index.js";
import { decimal, decodeEntity } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * MSPDI export of progress: MS Project has one PercentComplete (and one PhysicalPercentComplete) per task. Which value
 * pmokit writes is read as earnedValue reads progress: a record may carry only some measures, the latest value of each
 * counts, a finished package is 100 %, and the rules that measure completion themselves (units complete over total
 * units, the weight share of milestones reached) give the percent when none was reported.
 */
const office = loadSampleOffice();
const project = decodeEntity("project", office.project.find((p) => (p as { id: string }).id === "PRJ-CRM"));
const base = office["work-package"].map((w) => decodeEntity("work-package", w)).find((e) => e.projectId === "PRJ-CRM")!;
type Pkg = typeof base;
const pkg = (code: string, earningRule: Pkg["earningRule"], progress: Pkg["progress"]): Pkg =>
  ({ ...base, id: `PRJ-CRM-${code}`, code, name: `Package ${code}`, parentId: undefined, predecessors: undefined, earningRule, progress }) as Pkg;
const OPTIONS = { projectId: "PRJ-CRM", projectCode: "PRJ-CRM", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const d = isoDate;
/** `[PercentComplete, PhysicalPercentComplete]` of every task but the project summary, by regex over the XML. */
const percents = (xml: string) => [...xml.matchAll(/<Task>.*?<\/Task>/gs)].slice(1).map((m) => [
  /<PercentComplete>(\d+)</.exec(m[0])?.[1], /<PhysicalPercentComplete>(\d+)</.exec(m[0])?.[1],
]);

describe("MSPDI export: the percent complete written", () => {
  it("a finished package is 100 % complete even when its records give no percent (50/50, 0/100)", () => {
    // Before: a 50/50 package whose last record is { finished: true } was written <PercentComplete>0, so a re-import
    // (or MS Project) had it not started in earned value terms although its ActualFinish was written.
    const wps = [
      pkg("1", { type: "50/50" }, [{ date: d("2026-03-02"), started: true }, { date: d("2026-06-05"), started: true, finished: true }]),
      pkg("2", { type: "0/100" }, [{ date: d("2026-06-05"), finished: true, started: true }]),
    ];
    const xml = writeMspdi(pmokitToMspdi({ project, workPackages: wps }).document);
    expect(percents(xml).map((p) => p[0])).toEqual(["100", "100"]);
    const back = mspdiToPmokit(readMspdi(xml).document, OPTIONS).records["work-package"]!;
    expect(back.map((w) => w.progress.at(-1)?.finished)).toEqual([true, true]);
  });

  it("a measure given on an earlier record still counts when the latest record carries another one", () => {
    // Records: 40 % reported on 2026-10-02, then only a physical 30 % on 2026-10-09. earnedValue reads 40 % and 30 %
    // (the latest of each). Before: the export read the last record only: PercentComplete 0, PhysicalPercentComplete 30.
    const wps = [pkg("1", { type: "percent-complete" }, [
      { date: d("2026-10-02"), percentComplete: decimal("40"), started: true },
      { date: d("2026-10-09"), physicalPercentComplete: decimal("30") },
    ])];
    expect(percents(writeMspdi(pmokitToMspdi({ project, workPackages: wps }).document))).toEqual([["40", "30"]]);
  });

  it("units and weighted-milestone packages are written at the share they measure", () => {
    // Units: 12 of 420 users trained = 2.857 % → 3 (whole percent, half-even). Weighted milestones 0.5 / 0.3 / 0.2
    // with the first reached = 50 %. Before: both 0 (no percentComplete on their records), so a package earning half
    // its budget in pmokit showed as not started in MS Project.
    const wps = [
      pkg("1", { type: "units", totalUnits: decimal("420"), unitName: "users trained" }, [{ date: d("2026-11-20"), unitsComplete: decimal("12"), started: true }]),
      pkg("2", { type: "weighted-milestones", milestones: [
        { id: "m-a", name: "A", weight: decimal("0.5") }, { id: "m-b", name: "B", weight: decimal("0.3") }, { id: "m-c", name: "C", weight: decimal("0.2") },
      ] }, [{ date: d("2026-11-20"), milestonesReached: ["m-a"], started: true }]),
    ];
    expect(percents(writeMspdi(pmokitToMspdi({ project, workPackages: wps }).document)).map((p) => p[0])).toEqual(["3", "50"]);
  });

  it("a physical percent complete strictly between 0 and 100 is written between 1 and 99", () => {
    // As PercentComplete: before, physical 99.6 was written 100 (MS Project then earns the whole budget under the
    // physical EV method) and 0.4 was written 0 (the measure lost on re-import).
    const wps = [
      pkg("1", { type: "physical-percent-complete" }, [{ date: d("2026-11-20"), physicalPercentComplete: decimal("99.6"), started: true }]),
      pkg("2", { type: "physical-percent-complete" }, [{ date: d("2026-11-20"), physicalPercentComplete: decimal("0.4"), started: true }]),
    ];
    const xml = writeMspdi(pmokitToMspdi({ project, workPackages: wps }).document);
    expect(percents(xml).map((p) => p[1])).toEqual(["99", "1"]);
    const back = mspdiToPmokit(readMspdi(xml).document, OPTIONS).records["work-package"]!;
    expect(back.map((w) => w.progress.at(-1)?.physicalPercentComplete?.toFixed())).toEqual(["99", "1"]);
  });
});
