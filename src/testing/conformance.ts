import type { StorageAdapter } from "../storage/port.js";
import { capabilitiesSuite } from "./suites/capabilities.js";
import { concurrencySuite } from "./suites/concurrency.js";
import { crudSuite, duplicatesSuite, idsSuite } from "./suites/crud.js";
import { filtersSuite } from "./suites/filters.js";
import { faultsSuite } from "./suites/faults.js";
import { hostileInputSuite } from "./suites/hostile-input.js";
import { jsonValuesSuite } from "./suites/json-values.js";
import { keysSuite } from "./suites/keys.js";
import { paginationSuite } from "./suites/pagination.js";
import { roundTripSuite } from "./suites/round-trip.js";
import { transactionsSuite } from "./suites/transactions.js";
import type { ConformanceContext, ConformanceOptions, ConformanceSuite } from "./types.js";
import { checkOptionKeys } from "../core/guard.js";

const CONFORMANCE_KEYS = { name: 1, create: 1, reset: 1, teardown: 1, runner: 1, seed: 1, roundTripRuns: 1, faults: 1 } satisfies Record<keyof ConformanceOptions, 1>;

/**
 * Every suite of the conformance kit, in the order they run.
 *
 * @example
 * ```ts
 * conformanceSuites.map((s) => `${s.name}: ${s.tests.length} tests`);
 * ```
 */
export const conformanceSuites: readonly ConformanceSuite[] = [
  crudSuite,
  idsSuite,
  duplicatesSuite,
  paginationSuite,
  filtersSuite,
  concurrencySuite,
  transactionsSuite,
  roundTripSuite,
  capabilitiesSuite,
  hostileInputSuite,
  jsonValuesSuite,
  keysSuite,
];

/** The outcome of one conformance test run by {@link checkAdapterConformance}. */
export interface ConformanceResult {
  /** Suite name. */
  readonly suite: string;
  /** Test name. */
  readonly test: string;
  /** Whether the adapter passed. */
  readonly passed: boolean;
  /** The failure, when it did not. */
  readonly error?: unknown;
}

/** Hands out adapters: one reset adapter when `reset` is given, otherwise a new one per test. */
function adapterSource(options: Pick<ConformanceOptions, "create" | "reset" | "teardown">) {
  let shared: StorageAdapter | undefined;
  const release = async (a: StorageAdapter) => {
    if (options.teardown) await options.teardown(a);
    else await a.close?.();
  };
  return {
    async next(): Promise<StorageAdapter> {
      if (options.reset) {
        shared ??= await options.create();
        await options.reset(shared);
        return shared;
      }
      if (shared) await release(shared);
      shared = await options.create();
      return shared;
    },
    async end(): Promise<void> {
      if (shared) await release(shared);
      shared = undefined;
    },
  };
}

function contextOf(options: Pick<ConformanceOptions, "seed" | "roundTripRuns" | "faults">): ConformanceContext {
  const ctx = { seed: options.seed ?? 42, roundTripRuns: options.roundTripRuns ?? 100 };
  return options.faults ? { ...ctx, interrupt: options.faults.interrupt } : ctx;
}

/** The suites a run uses: every suite, plus `faults` when the runner can break the adapter's connection. */
function suitesOf(options: Pick<ConformanceOptions, "faults">): readonly ConformanceSuite[] {
  return options.faults ? [...conformanceSuites, faultsSuite] : conformanceSuites;
}

/**
 * Registers the whole conformance kit with your test runner: one `describe` per suite, one `it` per check.
 * An adapter that passes it implements the storage port; a team writing its own adapter runs exactly this.
 *
 * @example
 * ```ts
 * // vitest or jest
 * import { describe, it, afterAll } from "vitest";
 * import { runAdapterConformance } from "pmokit/testing";
 * runAdapterConformance({
 *   name: "my-adapter",
 *   create: () => createMyAdapter(pool),
 *   reset: (a) => truncateAll(pool),
 *   teardown: () => pool.end(),
 *   runner: { describe, it, afterAll },
 * });
 *
 * // node:test
 * import { describe, it, after } from "node:test";
 * runAdapterConformance({ name: "memory", create: () => createMemoryAdapter(), runner: { describe, it, after } });
 * ```
 */
export function runAdapterConformance(options: ConformanceOptions): void {
  checkOptionKeys("runAdapterConformance", options, CONFORMANCE_KEYS);
  const { runner } = options;
  const source = adapterSource(options);
  const ctx = contextOf(options);
  runner.describe(`pmokit storage conformance: ${options.name}`, () => {
    for (const suite of suitesOf(options)) {
      runner.describe(suite.name, () => {
        for (const test of suite.tests) {
          runner.it(test.name, async () => {
            await test.run(await source.next(), ctx);
          });
        }
      });
    }
    const after = runner.afterAll ?? runner.after;
    if (after) after(() => source.end());
  });
}

/**
 * Runs the kit without a test runner and returns one result per test — for scripts, CI checks of third-party
 * adapters, or tests about the kit itself.
 *
 * @example
 * ```ts
 * const results = await checkAdapterConformance({ create: () => createMemoryAdapter() });
 * const failed = results.filter((r) => !r.passed);
 * ```
 */
export async function checkAdapterConformance(
  options: Pick<ConformanceOptions, "create" | "reset" | "teardown" | "seed" | "roundTripRuns" | "faults">,
): Promise<ConformanceResult[]> {
  const { name: _n, runner: _r, ...checkKeys } = CONFORMANCE_KEYS;
  checkOptionKeys("checkAdapterConformance", options, checkKeys);
  const source = adapterSource(options);
  const ctx = contextOf(options);
  const results: ConformanceResult[] = [];
  try {
    for (const suite of suitesOf(options)) {
      for (const test of suite.tests) {
        try {
          await test.run(await source.next(), ctx);
          results.push({ suite: suite.name, test: test.name, passed: true });
        } catch (error) {
          results.push({ suite: suite.name, test: test.name, passed: false, error });
        }
      }
    }
  } finally {
    await source.end();
  }
  return results;
}
