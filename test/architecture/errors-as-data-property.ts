import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isPmoError } from "../../src/core/index.js";

/*
 * Issue 12 #8's property, shared by every layer's test: each exported function (lower-case names; schemas, classes
 * and constants are left out), fed wrong-typed arguments, returns normally or throws — or, for a Promise, rejects
 * with — only pmokit errors. Never a TypeError, RangeError or ZodError from inside.
 */

/** Wrong-typed values a JavaScript caller (or `any`) can pass. */
export const wrongArguments = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, NaN, Infinity, -1, 0.5, "", "x", "__proto__", "constructor", true, [], {}, [null], [{}]),
  fc.constantFrom<unknown>(Object.create(null), { amount: 1, currency: "EUR" }, { __proto__: { polluted: true } }, 10n, Symbol("s"), () => 1),
  fc.anything(),
);

/** Calls `fn` with `args`; a throw or a rejection that is not a pmokit error fails the property. */
export async function onlyPmoErrors(name: string, fn: (...args: unknown[]) => unknown, args: readonly unknown[]): Promise<void> {
  let thrown: unknown;
  try {
    const out = fn(...args);
    if (out instanceof Promise) await out;
  } catch (e) {
    thrown = e;
  }
  if (thrown !== undefined && !isPmoError(thrown)) {
    throw new Error(`${name}(${args.map((a) => typeof a).join(", ")}) threw ${(thrown as Error)?.name}: ${(thrown as Error)?.message}`);
  }
}

/** The exported functions of a module that the property checks. */
export function exportedFunctions(mod: object): [string, (...args: unknown[]) => unknown][] {
  return Object.entries(mod).filter(
    (e): e is [string, (...args: unknown[]) => unknown] => typeof e[1] === "function" && !/^[A-Z]/.test(e[0]),
  );
}

/**
 * One `describe` per call: every layer's exported functions held to the property.
 * `minimum` is how many functions a layer must export (a guard against an empty import); `runs` per layer.
 */
export function holdsErrorsAsData(
  title: string,
  layers: Readonly<Record<string, object>>,
  options: { readonly minimum?: Readonly<Record<string, number>>; readonly runs?: Readonly<Record<string, number>>; readonly maxArgs?: number } = {},
): void {
  describe(title, () => {
    for (const [layer, mod] of Object.entries(layers)) {
      const functions = exportedFunctions(mod);
      it(`${layer} exports functions to check`, () => expect(functions.length).toBeGreaterThan(options.minimum?.[layer] ?? 0));
      for (const [name, fn] of functions) {
        it(`${layer}.${name}`, async () => {
          await fc.assert(
            fc.asyncProperty(fc.array(wrongArguments, { maxLength: options.maxArgs ?? 4 }), (args) => onlyPmoErrors(name, fn, args)),
            { numRuns: options.runs?.[layer] ?? 100, seed: 128 },
          );
        });
      }
    }
  });
}
