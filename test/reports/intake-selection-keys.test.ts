// cli21: intakeSection's `selection` bag took any key, so a misspelt `demandunit: "hours"` was dropped without a word
// (the bubble chart's legend lost its unit), because the documented call passes `office.selection` as it is, which
// carries `envelope` besides `problem` and `result`. The bag now takes exactly problem, result, demandUnit and
// envelope (the last accepted so `office.selection` passes as it is; the problem already holds its constraints), and
// refuses any other key at ["input", "selection", key].
import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { analyzeOffice } from "../../src/cli/office.js";
import { importDataset } from "../../src/io/index.js";
import { intakeSection } from "../../src/reports/index.js";
import { issuesOf } from "../support/errors.js";

const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });
const base = { scoreboard: office.scoreboard, requests: office.requests };

describe("intakeSection: the selection bag is strict", () => {
  it("refuses a misspelt key, naming the keys it takes", () => {
    expect(issuesOf(() => intakeSection({ ...base, selection: { ...office.selection, demandunit: "hours" } } as never))).toEqual([
      ["input.selection.demandunit", "unknown option (intakeSection takes problem, result, demandUnit, envelope)"],
    ]);
    expect(issuesOf(() => intakeSection({ ...base, selection: { problem: office.selection.problem, results: office.selection.result } } as never))).toEqual([
      ["input.selection.results", "unknown option (intakeSection takes problem, result, demandUnit, envelope)"],
    ]);
  });

  it("takes the documented calls: office.selection as it is, with demandUnit, and { problem, result }", () => {
    const sub = (s: ReturnType<typeof intakeSection>) => s.sections?.[0]?.heading;
    expect(sub(intakeSection({ ...base, selection: office.selection }))).toBe("Selected portfolio");
    expect(sub(intakeSection({ ...base, selection: { ...office.selection, demandUnit: "hours" } }))).toBe("Selected portfolio");
    expect(sub(intakeSection({ ...base, selection: { problem: office.selection.problem, result: office.selection.result } }))).toBe("Selected portfolio");
  });

  it("refuses a selection without its problem or result, naming the path", () => {
    expect(issuesOf(() => intakeSection({ ...base, selection: { result: office.selection.result } } as never)).map(([p]) => p)).toEqual(["input.selection.problem"]);
  });
});
