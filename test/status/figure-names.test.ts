// gates21 audit: a RAG figure under a name no rule reads (a typo, a wrong case) was dropped without a word, and the
// count derived from the project's records coloured the dimension instead of the figure the caller gave.
import { describe, expect, it } from "vitest";
import { ValidationError, decimal, decodeEntity, isoDate, metric, type Issue } from "../../src/index.js";
import { ragStatus } from "../../src/status/index.js";
import { firstIssuePath } from "../support/errors.js";

const asOf = isoDate("2026-11-20");
// One open issue of severity high (not critical): the derived openCriticalIssues is 0.
const issue = decodeEntity("issue", {
  id: "iss-1", version: 1, createdAt: "2026-11-01T09:00:00.000Z", updatedAt: "2026-11-01T09:00:00.000Z",
  projectId: "P", title: "Test environment down", severity: "high", ownerId: "p-o", raisedOn: "2026-11-01", status: "open",
}) as Issue;
const project = { id: "P", issues: [issue] };
const indexes = { spi: metric(decimal("1")), cpi: metric(decimal("1")) };

describe("ragStatus refuses a figure it does not know", () => {
  it("`openCriticalIssue` (for openCriticalIssues: 2) read green from the register's 0; now a ValidationError at [figures, openCriticalIssue]", () => {
    // Was: risks-and-issues green (openCriticalIssues 0 derived from the one high issue), overall green — the 2
    // critical issues the PMO reported were silently dropped. By the default rule 2 open critical issues are red.
    const typo = { ...indexes, openCriticalIssue: metric(decimal(2)) } as never;
    expect(firstIssuePath(() => ragStatus(project, { asOf, figures: typo }))).toEqual(["figures", "openCriticalIssue"]);
    const err = (() => { try { ragStatus(project, { asOf, figures: typo }); } catch (e) { return e; } })() as ValidationError;
    expect(err.issues[0]!.message).toContain("openCriticalIssues");
    // Spelt right, the figure given wins over the derived 0: red.
    const s = ragStatus(project, { asOf, figures: { ...indexes, openCriticalIssues: metric(decimal(2)) } });
    expect(s.dimensions.find((d) => d.dimension === "risks-and-issues")?.colour).toBe("red");
    expect(s.overall.colour).toBe("red");
  });

  it("a wrong case (`SPI`) is refused too; the built-in names, eac, bac and custom are taken", () => {
    expect(firstIssuePath(() => ragStatus(project, { asOf, figures: { SPI: metric(decimal("0.5")) } as never }))).toEqual(["figures", "SPI"]);
    const s = ragStatus(project, {
      asOf,
      rules: [{ id: "changes", dimension: "scope", kind: "count", figure: "openChanges", amberAtLeast: "1" }, { id: "spi", dimension: "schedule", kind: "index", figure: "spi", greenAtLeast: "0.95", amberAtLeast: "0.85" }],
      figures: { spi: metric(decimal("0.9")), custom: { openChanges: metric(decimal(1)) } },
    });
    expect(s.dimensions.map((d) => `${d.dimension}:${d.colour}`)).toEqual(["schedule:amber", "scope:amber"]);
  });
});
