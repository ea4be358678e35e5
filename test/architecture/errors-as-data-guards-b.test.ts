import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import * as traceability from "../../src/traceability/index.js";
import * as selection from "../../src/selection/index.js";
import * as schedule from "../../src/schedule/index.js";
import * as reports from "../../src/reports/index.js";
import * as highs from "../../src/highs/index.js";
import { holdsErrorsAsData } from "./errors-as-data-property.js";

/*
 * Issue 12 #8 for the traceability, selection, schedule, reports and highs layers: every exported function, fed
 * wrong-typed arguments, throws only pmokit errors (or returns). A function that returns a Promise is awaited and
 * its rejection is held to the same rule.
 */

holdsErrorsAsData(
  "issue 12 #8: only pmokit errors escape traceability, selection, schedule, reports and highs exports",
  { traceability, selection, schedule, reports, highs },
  // createHighsSolver instantiates the WASM runtime on every well-formed call: fewer runs keep the file fast.
  { runs: { highs: 30 } },
);

/** The issue paths of the ValidationError `run` throws (the test fails if it throws anything else, or nothing). */
function pathsOf(run: () => unknown): readonly (readonly (string | number)[])[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => i.path);
  }
  throw new Error("expected a ValidationError, but the call returned");
}

describe("issue 12 #8: the wrong argument is named", () => {
  it("issue 12 #8: a RAG colour that is an Object.prototype key is refused, not rendered as 'undefined'", () => {
    // RAG_LABELS["constructor"] is Object itself: before, ragChip and xlsxCell rendered its missing letter and word.
    expect(pathsOf(() => reports.ragChip({ kind: "rag", colour: "constructor" as never }))).toEqual([["colour"]]);
    expect(pathsOf(() => reports.xlsxCell({ kind: "rag", colour: "constructor" as never }))).toEqual([["colour"]]);
  });

  it("issue 12 #8: a CSV row that is not an array names its index", () => {
    expect(pathsOf(() => reports.toCsv([["a"], null as never]))).toEqual([["rows", 1]]);
  });

  it("issue 12 #8: a selection problem that was never validated is validated, not read blindly", () => {
    expect(pathsOf(() => selection.verifyPlan({} as never, [])).length).toBeGreaterThan(0);
    expect(pathsOf(() => selection.findConflicts({ candidates: "REQ-1" } as never)).length).toBeGreaterThan(0);
  });

  it("issue 12 #8: a plain object in place of a trace graph or analysis names the argument", () => {
    expect(pathsOf(() => traceability.analyzeTraceGraph({} as never))).toEqual([["graph"]]);
    expect(pathsOf(() => traceability.traceMatrix({ graph: {}, result: () => ({}) } as never))).toEqual([["analysis.graph"]]);
  });

  it("issue 12 #8: null options and a missing nested network name the argument", () => {
    expect(pathsOf(() => schedule.scheduleNetwork({} as never, null as never))).toEqual([["options"]]);
    expect(pathsOf(() => schedule.levelResources({} as never))).toEqual([["input.network"]]);
  });
});
