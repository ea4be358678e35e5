import { describe, expect, it } from "vitest";
import { checkArguments, type ArgumentKind } from "../../src/core/guard.js";
import { ValidationError } from "../../src/core/errors.js";

function issueOf(fn: () => void): { path: readonly (string | number)[]; message: string; subject: string | undefined } {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { path: e.issues[0]!.path, message: e.issues[0]!.message, subject: e.subject };
  }
  throw new Error("expected a ValidationError");
}

describe("checkArguments", () => {
  // Each kind, a value it refuses, and the words of the refusal ("expected <kind's words>, got <describeValue>").
  const cases: [ArgumentKind, unknown, string][] = [
    ["object", [], "expected an object, got an array"],
    ["array", {}, "expected an array, got an object"],
    ["object[]", [{}, 3], "expected an object, got number 3"],
    ["iterable", "abc", 'expected a list, got "abc"'],
    ["string", 1, "expected a string, got number 1"],
    ["number", Number.NaN, "expected a finite number, got number NaN"],
    ["number", "1", 'expected a finite number, got "1"'],
    ["integer", 1.5, "expected a whole number, got number 1.5"],
    ["integer", "2", 'expected a whole number, got "2"'],
    ["date", "2026-02-30", 'expected a calendar date YYYY-MM-DD, got "2026-02-30"'],
    ["function", {}, "expected a function, got an object"],
    ["boolean", 0, "expected true or false, got number 0"],
  ];

  it.each(cases)("refuses a wrong %s with the argument's name as the path", (kind, value, message) => {
    const issue = issueOf(() => checkArguments("someFunction", { arg: [value, kind] }));
    expect(issue).toEqual({ path: kind === "object[]" ? ["arg", 1] : ["arg"], message, subject: "someFunction" });
  });

  it("accepts what each kind names, and undefined for an optional kind only", () => {
    expect(() =>
      checkArguments("f", {
        a: [{}, "object"], b: [[], "array"], c: [[{}], "object[]"], d: [new Set(), "iterable"], e: ["", "string"], f: [-0.5, "number"],
        g: [3, "integer"], h: ["2024-02-29", "date"], i: [() => 1, "function"], j: [false, "boolean"], k: [undefined, "date?"],
      }),
    ).not.toThrow();
    expect(issueOf(() => checkArguments("f", { a: [undefined, "string"] })).message).toBe("expected a string, got undefined");
  });

  it("refuses a kind it does not know, own keys only", () => {
    const issue = issueOf(() => checkArguments("f", { a: [1, "constructor" as ArgumentKind] }));
    expect(issue).toEqual({ path: ["a"], message: 'expected a known argument kind, got "constructor"', subject: "checkArguments" });
  });
});
