import type { StorageAdapter } from "../storage/port.js";

/**
 * The test functions the kit registers its tests with — the ones your runner already has. vitest and jest pass
 * `{ describe, it, afterAll }`; node:test passes `{ describe, it, after }`. The kit does its own assertions, so no
 * `expect` is needed.
 */
export interface ConformanceRunner {
  /** Groups tests. */
  describe(name: string, fn: () => void): unknown;
  /** Registers one async test. */
  it(name: string, fn: () => Promise<void>): unknown;
  /** Runs once after all tests (vitest/jest). */
  afterAll?(fn: () => Promise<void> | void): unknown;
  /** Runs once after all tests (node:test). */
  after?(fn: () => Promise<void> | void): unknown;
}

/** Options of `runAdapterConformance`. */
export interface ConformanceOptions {
  /** Adapter name shown in test titles. */
  readonly name: string;
  /** Makes an adapter. Called once when `reset` is given, otherwise once per test. */
  readonly create: () => StorageAdapter | Promise<StorageAdapter>;
  /** Empties the adapter's storage before each test (so one adapter serves every test). */
  readonly reset?: (adapter: StorageAdapter) => void | Promise<void>;
  /** Releases the adapter at the end (default: `adapter.close()`). */
  readonly teardown?: (adapter: StorageAdapter) => void | Promise<void>;
  /** The test runner's functions. */
  readonly runner: ConformanceRunner;
  /** Seed of the generated (fast-check) round-trip cases. Default 42. */
  readonly seed?: number;
  /** Number of generated round-trip cases. Default 100. */
  readonly roundTripRuns?: number;
  /** Fault injection; when given, the `faults` suite runs too. */
  readonly faults?: ConformanceFaults;
}

/** How the kit breaks an adapter's connection to its database (for the `faults` suite). */
export interface ConformanceFaults {
  /**
   * Breaks the adapter's connection: terminates its server sessions, holds the database lock from another process,
   * closes its socket. May return a function that undoes it (releases the lock) once the check is done.
   */
  readonly interrupt: (adapter: StorageAdapter) => Promise<(() => Promise<void>) | void>;
}

/** One conformance test: a stable name and a check that throws on failure. */
export interface ConformanceTest {
  /** Stable test name within its suite. */
  readonly name: string;
  /** Runs against a fresh (reset) adapter; throws `ConformanceFailure` or any error on failure. */
  readonly run: (adapter: StorageAdapter, context: ConformanceContext) => Promise<void>;
}

/** Settings a test can read. */
export interface ConformanceContext {
  /** Seed for generated cases. */
  readonly seed: number;
  /** Number of generated round-trip cases. */
  readonly roundTripRuns: number;
  /** The fault-injection hook, when the runner gave one. */
  readonly interrupt?: ConformanceFaults["interrupt"];
}

/** A named group of conformance tests. */
export interface ConformanceSuite {
  /** Suite name: `crud`, `ids`, `duplicates`, `pagination`, `filters`, `concurrency`, `transactions`, `round-trip`, `capabilities`, `hostile-input`, `keys`, and `faults` when fault injection is given. */
  readonly name: string;
  /** Its tests. */
  readonly tests: readonly ConformanceTest[];
}
