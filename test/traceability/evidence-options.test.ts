import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { testResultSchema } from "../../src/entities/index.js";
import {
  analyzeTraceGraph,
  analyzeTraceability,
  buildTraceGraph,
  DEFAULT_RESULT_OUTCOMES,
  TEST_RUN_RESULTS,
  type TraceEntity,
  type TraceInput,
} from "../../src/traceability/index.js";
import { link, req, run, tc } from "./helpers.js";

// The evidence conventions of other tools, each an option whose default leaves the earlier answer unchanged.

const T1 = "2026-04-01T09:00:00.000Z";
const T2 = "2026-05-01T09:00:00.000Z";
const T3 = "2026-06-01T09:00:00.000Z";

function oneTest(runs: readonly TraceEntity[]): TraceInput {
  return { requirements: [req("FR-1", "functional")], testCases: [tc("TC-1")], testRuns: runs, links: [link("TC-1", "verifies", "FR-1")] };
}

describe("evidence per environment (Xray's view)", () => {
  // SIT: passed at T3. UAT: failed at T1, passed at T2 → latest UAT passed. PROD: failed at T2.
  const input = oneTest([
    run("s1", "TC-1", "passed", T3, { environment: "sit" }),
    run("u1", "TC-1", "failed", T1, { environment: "uat" }),
    run("u2", "TC-1", "passed", T2, { environment: "uat" }),
    run("p1", "TC-1", "failed", T2, { environment: "prod" }),
  ]);

  it("default: the latest run over every environment decides (SIT's pass at T3: OK)", () => {
    expect(analyzeTraceability(input).evidence[0]!.tests).toEqual([{ testCase: "test-case:TC-1", run: "test-run:s1", result: "passed", executedAt: T3, status: "OK" }]);
  });

  it("worst-per-environment: each environment's latest run, combined by the worst result (PROD failed: NOK)", () => {
    const r = analyzeTraceability(input, {}, { evidence: { environments: "worst-per-environment" } });
    expect(r.evidence[0]!.own).toBe("NOK");
    const row = r.evidence[0]!.tests[0]!;
    expect([row.run, row.status]).toEqual(["test-run:p1", "NOK"]);
    expect(row.byEnvironment!.map((x) => [x.environment, x.run, x.status])).toEqual([
      ["prod", "test-run:p1", "NOK"],
      ["sit", "test-run:s1", "OK"],
      ["uat", "test-run:u2", "OK"],
    ]);
  });

  it("worst-per-environment keeps the incremental analysis equal to a fresh one", () => {
    const options = { evidence: { environments: "worst-per-environment" as const } };
    const a = analyzeTraceGraph(buildTraceGraph(input), options);
    const fix = run("p2", "TC-1", "passed", T3, { environment: "prod" });
    expect(a.apply({ type: "run-recorded", run: fix }).evidence).toEqual([{ item: "requirement:FR-1", rolledUp: "OK" }]);
    expect(a.result().evidence).toEqual(analyzeTraceability({ ...input, testRuns: [...input.testRuns!, fix] }, {}, options).evidence);
  });
});

describe("a final result beats a later not-run", () => {
  // Passed at T1, blocked (not run) at T2.
  const input = oneTest([run("r1", "TC-1", "passed", T1), run("r2", "TC-1", "blocked", T2)]);

  it("default: the latest run decides, so the blocked run makes it NOT RUN", () => {
    expect(analyzeTraceability(input).evidence[0]!.own).toBe("NOT RUN");
  });

  it("finalBeatsNotRun: the earlier pass still counts (OK); a test with only not-run runs stays NOT RUN", () => {
    const options = { evidence: { finalBeatsNotRun: true } };
    const r = analyzeTraceability(input, {}, options).evidence[0]!;
    expect([r.own, r.tests[0]!.run]).toEqual(["OK", "test-run:r1"]);
    expect(analyzeTraceability(oneTest([run("r2", "TC-1", "blocked", T2)]), {}, options).evidence[0]!.own).toBe("NOT RUN");
  });

  it("finalBeatsNotRun does not let an earlier result beat a later final one (a later fail is NOK)", () => {
    const r = analyzeTraceability(oneTest([run("r1", "TC-1", "passed", T1), run("r2", "TC-1", "blocked", T2), run("r3", "TC-1", "failed", T3)]), {}, { evidence: { finalBeatsNotRun: true } });
    expect(r.evidence[0]!.own).toBe("NOK");
  });
});

describe("the tie rule for equal executedAt", () => {
  it("two runs at the same instant: the worse outcome counts as the later, so a failure is never hidden by a pass", () => {
    // Before: the greater run id ("r-10" > "r-09" as strings) decided, so r-10's pass hid r-09's failure at the same
    // instant: OK. Now the worse outcome (fail < not run < unknown < pass) is the later: NOK in both input orders.
    const a = run("r-09", "TC-1", "failed", T1);
    const b = run("r-10", "TC-1", "passed", T1);
    for (const runs of [[a, b], [b, a]]) {
      const e = analyzeTraceability(oneTest(runs)).evidence[0]!;
      expect([e.own, e.tests[0]!.run]).toEqual(["NOK", "test-run:r-09"]);
    }
    // A blocked run beside a pass at the same instant: NOT RUN (the pass alone would be OK).
    const c = run("r-11", "TC-1", "blocked", T1);
    expect(analyzeTraceability(oneTest([b, c])).evidence[0]!.own).toBe("NOT RUN");
  });

  it("two runs with the same outcome at the same instant: the greater run id is the latest, whatever the input order", () => {
    const a = run("r-09", "TC-1", "failed", T1);
    const b = run("r-10", "TC-1", "failed", T1);
    for (const runs of [[a, b], [b, a]]) {
      const e = analyzeTraceability(oneTest(runs)).evidence[0]!;
      expect([e.own, e.tests[0]!.run]).toEqual(["NOK", "test-run:r-10"]);
    }
  });
});

describe("transitive tests in evidence rows", () => {
  // BR-1 ← FR-1 (derives) ← TC-1; BR-1 ← FR-2 ← FR-3 ← TC-2 (FR-3 refines FR-2).
  const input: TraceInput = {
    requirements: [req("BR-1", "business"), req("FR-1", "functional"), req("FR-2", "functional"), req("FR-3", "functional")],
    testCases: [tc("TC-1"), tc("TC-2"), tc("TC-3")],
    testRuns: [run("r1", "TC-1", "passed", T1), run("r2", "TC-2", "failed", T1), run("r3", "TC-3", "passed", T1)],
    links: [
      link("FR-1", "derives", "BR-1"), link("FR-2", "derives", "BR-1"), link("FR-3", "refines", "FR-2"),
      link("TC-1", "verifies", "FR-1"), link("TC-2", "verifies", "FR-3"), link("TC-3", "verifies", "BR-1"),
    ],
  };

  it("default: a parent lists only its own tests", () => {
    expect(analyzeTraceability(input).evidence.find((e) => e.id === "BR-1")!.tests.map((t) => t.testCase)).toEqual(["test-case:TC-3"]);
  });

  it("transitive: a parent lists every test below it, each naming the item it verifies", () => {
    const br = analyzeTraceability(input, {}, { evidence: { tests: "transitive" } }).evidence.find((e) => e.id === "BR-1")!;
    expect(br.tests.map((t) => [t.testCase, t.via, t.status])).toEqual([
      ["test-case:TC-1", "requirement:FR-1", "OK"],
      ["test-case:TC-2", "requirement:FR-3", "NOK"],
      ["test-case:TC-3", undefined, "OK"],
    ]);
    expect([br.own, br.rolledUp]).toEqual(["OK", "NOK"]); // statuses are unchanged by the option
  });
});

describe("test-run results: one list with the schema", () => {
  it("the results the analysis accepts are exactly those the TestRun schema accepts, and each has a default outcome", () => {
    expect(TEST_RUN_RESULTS).toEqual(testResultSchema.options);
    expect(Object.keys(DEFAULT_RESULT_OUTCOMES).sort()).toEqual([...testResultSchema.options].sort());
  });

  it("a run with a result the schema refuses is refused, at build and as an edit, with its path", () => {
    try {
      buildTraceGraph(oneTest([run("r1", "TC-1", "aborted", T1)]));
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([["testRuns", 0, "result"]]);
    }
    const a = analyzeTraceGraph(buildTraceGraph(oneTest([])));
    expect(() => a.apply({ type: "run-recorded", run: run("r2", "TC-1", "todo", T1) })).toThrow(ValidationError);
  });

  it("resultOutcomes may only map results the schema accepts; unmapped results keep their default", () => {
    expect(() => analyzeTraceability({}, {}, { resultOutcomes: { aborted: "not-run" } as never })).toThrow(/schema accepts/);
    // skipped counted as a pass: the skipped-only test is OK; blocked keeps its default (NOT RUN).
    const options = { resultOutcomes: { skipped: "pass" } } as const;
    expect(analyzeTraceability(oneTest([run("r1", "TC-1", "skipped", T1)]), {}, options).evidence[0]!.own).toBe("OK");
    expect(analyzeTraceability(oneTest([run("r1", "TC-1", "blocked", T1)]), {}, options).evidence[0]!.own).toBe("NOT RUN");
  });
});

describe("bad evidence options", () => {
  it("an unknown evidence option value is a ValidationError with its path", () => {
    try {
      analyzeTraceability({}, {}, { evidence: { environments: "all" as never, tests: "deep" as never } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([["evidence", "environments"], ["evidence", "tests"]]);
    }
  });
});
