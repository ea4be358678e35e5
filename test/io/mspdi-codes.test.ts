import { describe, expect, it } from "vitest";
import { mspdiToPmokit, readMspdi } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const task = (uid: number, extra = "") => `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><OutlineNumber>${uid}</OutlineNumber><OutlineLevel>1</OutlineLevel>` +
  `<Start>2027-01-04T08:00:00</Start><Finish>2027-01-08T17:00:00</Finish><Milestone>0</Milestone><Summary>0</Summary>${extra}</Task>`;
const file = (tasks: string, tail = "") => `<Project xmlns="http://schemas.microsoft.com/project"><Name>f</Name><CurrencyCode>EUR</CurrencyCode><Tasks>${tasks}</Tasks>${tail}</Project>`;
const paths = (xml: string) => validationErrorOf(() => mspdiToPmokit(readMspdi(xml).document, OPTIONS)).issues.map((i) => i.path);

describe("MSPDI codes outside their enumeration", () => {
  // MSPDI defines link Type 0–3, ConstraintType 0–7 and WorkContour 0–8. Before, any other value was silently read
  // as the default (FS, as soon as possible, flat), which changes the schedule and the resource load. Expected: the
  // record is refused at the field, like any other invalid value.
  it("refuses a link Type that is not 0–3", () => {
    const link = "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>7</Type><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>";
    expect(paths(file(task(1) + task(2, link)))).toEqual([["Task[UID=2]", "predecessors", 0, "type"]]);
  });

  it("refuses a ConstraintType that is not 0–7", () => {
    expect(paths(file(task(1, "<ConstraintType>9</ConstraintType><ConstraintDate>2027-01-05T08:00:00</ConstraintDate>")))).toEqual([["Task[UID=1]", "constraint", "kind"]]);
  });

  it("refuses a WorkContour that is not 0–8", () => {
    const tail = "<Resources><Resource><UID>1</UID><Name>Ana</Name><Type>1</Type><MaxUnits>1</MaxUnits></Resource></Resources>" +
      "<Assignments><Assignment><UID>7</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units><WorkContour>12</WorkContour></Assignment></Assignments>";
    expect(paths(file(task(1), tail))).toEqual([["Assignment[prj-x-a7]", "contour"]]);
    // The known codes still map: 0 flat … 8 contoured.
    const ok = mspdiToPmokit(readMspdi(file(task(1), tail.replace("<WorkContour>12</WorkContour>", "<WorkContour>3</WorkContour>"))).document, OPTIONS).records;
    expect(ok.assignment!.map((a) => a.contour)).toEqual(["double-peak"]);
  });
});
