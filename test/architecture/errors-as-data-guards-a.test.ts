import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isPmoError } from "../../src/core/index.js";
import * as entities from "../../src/entities/index.js";
import * as services from "../../src/services/index.js";
import * as status from "../../src/status/index.js";
import * as storage from "../../src/storage/index.js";
import { createMemoryAdapter } from "../../src/storage/index.js";
import { createPmo } from "../../src/services/index.js";
import * as variance from "../../src/variance/index.js";
import { holdsErrorsAsData, onlyPmoErrors, wrongArguments } from "./errors-as-data-property.js";

/*
 * Issue 12 #8 for the variance, status, entities, storage and services layers: every exported function, fed
 * wrong-typed arguments, throws (or rejects with) only pmokit errors, or returns normally.
 */

const layers = { variance, status, entities, storage, services } as const;

// services exports few functions: its surface is the Pmo's methods, checked below.
holdsErrorsAsData("issue 12 #8: only pmokit errors escape variance, status, entities, storage and services exports", layers, {
  minimum: { variance: 5, status: 5, entities: 5, storage: 5, services: 2 },
});

describe("issue 12 #8: the methods of a Pmo over the memory adapter", () => {
  const pmo = createPmo(createMemoryAdapter());
  const methods = Object.entries(pmo).filter((e): e is [string, (...args: unknown[]) => unknown] => typeof e[1] === "function");
  it("a Pmo has methods to check", () => expect(methods.length).toBeGreaterThan(20));
  for (const [name, fn] of methods) {
    it(`pmo.${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(wrongArguments, { maxLength: 6 }), (args) => onlyPmoErrors(name, fn, args)),
        { numRuns: 100, seed: 128 },
      );
    });
  }
});

describe("issue 12 #8: defects the property found, one by one", () => {
  const pmoError = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return isPmoError(e) ? (e as Error).name : `not a pmokit error: ${(e as Error).name}`;
    }
    return "returned";
  };

  it("pmo.update with an object as the kind refuses it (a ValidationError), not a TypeError (the property at 15× runs)", async () => {
    const pmo = createPmo(createMemoryAdapter());
    // A null-prototype object has no toString: Object.hasOwn(table, kind) threw converting it to a key.
    await expect(pmo.update("u1", Object.create(null) as never, "x", 1, {} as never, "why")).rejects.toMatchObject({ name: "ValidationError" });
    await expect(pmo.update("u1", { toString: null } as never, "x", 1, {} as never)).rejects.toMatchObject({ name: "ValidationError" });
  });

  it("issue 12 #8: canTransitionRequest from a prototype key is false, not a TypeError", () => {
    // REQUEST_TRANSITIONS.constructor is Object, which has no includes().
    expect(entities.canTransitionRequest("constructor" as never, "draft" as never)).toBe(false);
    expect(entities.canTransitionRequest("__proto__" as never, "draft" as never)).toBe(false);
  });

  it("issue 12 #8: decodeEntity, encodeEntity and entityJsonSchema refuse an unknown kind with a ValidationError", () => {
    expect(pmoError(() => entities.decodeEntity("nope" as never, {}))).toBe("ValidationError");
    expect(pmoError(() => entities.encodeEntity("toString" as never, {} as never))).toBe("ValidationError");
    expect(pmoError(() => entities.entityJsonSchema(undefined as never))).toBe("ValidationError");
  });

  it("issue 12 #8: compareScalars treats objects as equal (as documented) instead of comparing them", () => {
    // Null-prototype objects and symbols cannot be converted to primitives: < used to throw a TypeError.
    expect(storage.compareScalars(Object.create(null), Object.create(null))).toBe(0);
    expect(storage.compareScalars(Symbol("a"), Symbol("b"))).toBe(0);
    expect(storage.compareScalars("a", {})).toBe(-1); // strings (rank 3) before objects (rank 4)
  });

  it("issue 12 #8: fiscalQuarters refuses non-calendar years and months instead of looping or throwing a RangeError", () => {
    expect(pmoError(() => variance.fiscalQuarters(2026, 2026.5))).toBe("ValidationError");
    expect(pmoError(() => variance.fiscalQuarters(2026, 1e9))).toBe("ValidationError");
    expect(pmoError(() => variance.fiscalQuarters(2026, 2026, 13))).toBe("ValidationError");
    expect(variance.fiscalQuarters(2026, 2026, 4).periods.map((p) => p.label)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
  });

  it("issue 12 #8: a roll-up child without earned-value figures is a ValidationError naming it", () => {
    let issues: unknown;
    try {
      variance.rollUpEarnedValue([{ id: "prj-a", level: "project", currency: "EUR" } as never], { id: "pg", level: "programme" });
    } catch (e) {
      issues = (e as { issues?: unknown }).issues;
    }
    expect(issues).toEqual([expect.objectContaining({ path: ["children", 0, "figures"] })]);
  });

  it("issue 12 #8: overdueActions refuses an undecoded action (no createdAt) instead of a TypeError", () => {
    expect(pmoError(() => status.overdueActions([{} as never], { asOf: "2026-12-04" as never }))).toBe("ValidationError");
  });

  it("issue 12 #8: a Pmo method given a wrong-typed argument rejects (never throws synchronously)", async () => {
    const pmo = createPmo(createMemoryAdapter());
    const call = pmo.recordActualCosts("p-ana", "not a list" as never);
    expect(call).toBeInstanceOf(Promise);
    await expect(call).rejects.toMatchObject({ name: "ValidationError" });
  });
});
