import { describe, expect, it } from "vitest";
import { decimal, metric, money } from "../../src/core/index.js";
import { percent, percentCell, tableToCsv } from "../../src/reports/index.js";

// A percent cell is written as its plain decimal (a spreadsheet adds them up); the unit then has to be in the header,
// as a money column's currency is: "Figure" over 75.0 read as a count of 75.
describe("tableToCsv keeps the unit of a percentage", () => {
  it("a column of percentages gets (%) in its header, unless the header names it", () => {
    const csv = tableToCsv({
      columns: ["KPI", "Figure", "Done %"],
      rows: [["On-time delivery", percent(metric(decimal("75")), 1), percentCell("50")], ["Health", percent(metric(decimal("66.66666")), 1), { reason: "no-data" }], ["Empty", "", null]],
    });
    expect(csv.split("\r\n")).toEqual(["KPI,Figure (%),Done %", "On-time delivery,75.0,50", "Health,66.7,n/a (no-data)", "Empty,,", ""]);
  });

  it("in a column that mixes percentages with other figures, each percentage keeps its sign", () => {
    const csv = tableToCsv({ columns: ["KPI", "Figure"], rows: [["Availability", percentCell("99.97")], ["Failures", 3], ["Cost", money("12.5", "EUR")]] });
    // before: 99.97 beside 3 and 12.50 with nothing saying which is a percentage.
    expect(csv.split("\r\n").slice(1, 3)).toEqual(["Availability,99.97%", "Failures,3"]);
  });

  it("with a comma decimal mark too", () => {
    const csv = tableToCsv({ columns: ["KPI", "Figure"], rows: [["A", percentCell("99.97")], ["B", 3]] }, { delimiter: ";", decimalMark: "," });
    expect(csv.split("\r\n").slice(1, 3)).toEqual(["A;99,97%", "B;3"]);
  });
});
