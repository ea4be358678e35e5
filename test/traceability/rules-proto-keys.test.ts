import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstIssuePath } from "../support/errors.js";
import { analyzeTraceability, defineTraceRules } from "../../src/traceability/index.js";

/*
 * A rule set read from JSON may carry a `__proto__` key. In `fingerprintFields`, `triggerFields` and `severities` the
 * decoded record drops it without a word, so it was neither used nor refused: `{"fingerprintFields": {"__proto__":
 * [...]}}` fingerprinted with the defaults, while a misspelt kind ("requirment") or check ("orphn") was refused. Now
 * it is refused the same way, at its path, and no prototype changes.
 */

let proto: string[];
beforeEach(() => { proto = Object.getOwnPropertyNames(Object.prototype); });
afterEach(() => { expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(proto); });

describe("rule sets with a __proto__ key", () => {
  it.each(["fingerprintFields", "triggerFields"])("%s: refused as an unknown item kind, as a misspelt kind is", (field) => {
    const rules = JSON.parse(`{"${field}": {"__proto__": ["title"]}}`);
    // Before: accepted, the field list silently dropped.
    expect(firstIssuePath(() => defineTraceRules(rules))).toEqual([field, "__proto__"]);
    expect(firstIssuePath(() => defineTraceRules({ [field]: { requirment: ["title"] } }))).toEqual([field, "requirment"]);
    expect(() => defineTraceRules(rules)).toThrow(/unknown key "__proto__" \(one of requirement, artifact, test-case, test-run, defect\)/);
  });

  it("severities: refused as an unknown check, at the key", () => {
    const rules = JSON.parse(`{"severities": {"__proto__": "error", "orphan": "error"}}`);
    expect(firstIssuePath(() => defineTraceRules(rules))).toEqual(["severities", "__proto__"]);
    expect(firstIssuePath(() => analyzeTraceability({}, rules))).toEqual(["severities", "__proto__"]);
    // Without it the same rule set is fine, and the severity given is used.
    expect(defineTraceRules({ severities: { orphan: "error" } }).severityOf.orphan).toBe("error");
  });

  it("typeFields and inactive refused a __proto__ key already (strict objects)", () => {
    expect(firstIssuePath(() => defineTraceRules(JSON.parse(`{"typeFields": {"__proto__": "level"}}`)))).toEqual(["typeFields"]);
    expect(firstIssuePath(() => defineTraceRules(JSON.parse(`{"inactive": {"__proto__": ["draft"]}}`)))).toEqual(["inactive"]);
  });
});
