// opts20 sweep: the last public functions with an `options` parameter that ignored a misspelt key (found by listing
// every export whose signature takes `options` and whose body never checks its keys): migrate's
// `{ busyTimeout: 60_000 }` waited the default 30 s for the lock, createHighsSolver's `{ warmup: false }` warmed up,
// the conformance runners' `{ roundtripRuns: 500 }` ran the default 50. Each refuses an unknown key now.
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { createMemoryAdapter } from "../../src/index.js";
import { migrate } from "../../src/sql/index.js";
import { createHighsSolver } from "../../src/highs/index.js";
import { checkAdapterConformance, runAdapterConformance } from "../../src/testing/index.js";
import { issuesOf } from "../support/errors.js";

async function rejected(p: Promise<unknown>) {
  let caught: unknown = new Error("resolved");
  await p.catch((e: unknown) => { caught = e; });
  return issuesOf(() => { throw caught; });
}

describe("options sweep: unknown keys", () => {
  it("migrate", async () => {
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(":memory:") }) }) as never;
    expect(await rejected(migrate(db, { busyTimeout: 60_000 } as never))).toEqual([
      ["busyTimeout", "unknown option (migrate takes dialect, migrations, onStatement, clock, busyTimeoutMs)"],
    ]);
    // The right key migrates: the list of applied versions starts at 1.
    const r = await migrate(db, { busyTimeoutMs: 60_000 });
    expect(r.applied[0]).toBe(1);
  });
  it("createHighsSolver", async () => {
    expect(await rejected(createHighsSolver({ warmup: false } as never))).toEqual([["options.warmup", "unknown option (createHighsSolver takes highs, init, warmUp, options)"]]);
  });
  it("runAdapterConformance and checkAdapterConformance", async () => {
    const runner = { describe: () => {}, it: () => {} } as never;
    expect(issuesOf(() => runAdapterConformance({ name: "m", create: () => createMemoryAdapter(), runner, roundtripRuns: 500 } as never))).toEqual([
      ["roundtripRuns", "unknown option (runAdapterConformance takes name, create, reset, teardown, runner, seed, roundTripRuns, faults)"],
    ]);
    expect(await rejected(checkAdapterConformance({ create: () => createMemoryAdapter(), roundtripRuns: 500 } as never))).toEqual([
      ["roundtripRuns", "unknown option (checkAdapterConformance takes create, reset, teardown, seed, roundTripRuns, faults)"],
    ]);
  });
});
