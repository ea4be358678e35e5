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

/*
 * Issue 12 #8 for the variance, status, entities, storage and services layers: every exported function, fed
 * wrong-typed arguments, throws (or rejects with) only pmokit errors, or returns normally.
 */

const wrong = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, NaN, Infinity, -1, 0.5, "", "x", "__proto__", "constructor", true, [], {}, [null], [{}]),
  fc.constantFrom<unknown>(Object.create(null), { amount: 1, currency: "EUR" }, { __proto__: { polluted: true } }, 10n, Symbol("s"), () => 1),
  fc.anything(),
);

const layers = { variance, status, entities, storage, services } as const;

/** Calls `fn` with `args`; a throw or a rejection that is not a pmokit error fails the property. */
async function onlyPmoErrors(name: string, fn: (...args: unknown[]) => unknown, args: readonly unknown[]): Promise<void> {
  let thrown: unknown;
  try {
    const result = fn(...args);
    // A returned promise must reject only with pmokit errors too.
    if (result instanceof Promise) await result;
  } catch (e) {
    thrown = e;
  }
  if (thrown !== undefined && !isPmoError(thrown)) throw describeFailure(name, args, thrown);
}

function describeFailure(name: string, args: readonly unknown[], thrown: unknown): Error {
  return new Error(`${name}(${args.map((a) => typeof a).join(", ")}) threw ${(thrown as Error)?.name}: ${(thrown as Error)?.message}`);
}

describe("issue 12 #8: only pmokit errors escape variance, status, entities, storage and services exports", () => {
  for (const [layer, mod] of Object.entries(layers)) {
    const functions = Object.entries(mod).filter(
      (e): e is [string, (...args: unknown[]) => unknown] => typeof e[1] === "function" && !/^[A-Z]/.test(e[0]),
    );
    // services exports few functions: its surface is the Pmo's methods, checked below.
    it(`${layer} exports functions to check`, () => expect(functions.length).toBeGreaterThan(layer === "services" ? 2 : 5));
    for (const [name, fn] of functions) {
      it(`${layer}.${name}`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(wrong, { maxLength: 4 }), (args) => onlyPmoErrors(name, fn, args)),
          { numRuns: 100, seed: 128 },
        );
      });
    }
  }

  describe("services: the methods of a Pmo over the memory adapter", () => {
    const pmo = createPmo(createMemoryAdapter());
    const methods = Object.entries(pmo).filter((e): e is [string, (...args: unknown[]) => unknown] => typeof e[1] === "function");
    it("a Pmo has methods to check", () => expect(methods.length).toBeGreaterThan(20));
    for (const [name, fn] of methods) {
      it(`pmo.${name}`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(wrong, { maxLength: 6 }), (args) => onlyPmoErrors(name, fn, args)),
          { numRuns: 100, seed: 128 },
        );
      });
    }
  });
});
