import * as z from "zod";
import { instantCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { refSchema, textSchema, whenDecoded } from "./common.js";
import { refuse, refuseRepeats } from "./refuse.js";

/**
 * Outcomes of a test run.
 *
 * @example
 * ```ts
 * testResultSchema.parse("passed");
 * ```
 */
export const testResultSchema = z.enum(["passed", "failed", "blocked", "skipped"]);

/**
 * One execution of a test case against a build in an environment: the evidence that a requirement is verified
 * (or not) for that build.
 *
 * The build under test is `softwareVersion`, because `version` is the stored record's concurrency counter.
 *
 * @example
 * ```ts
 * const run = testRunSchema.decode({
 *   id: "tr-1", version: 1, createdAt: "2026-05-04T10:00:00.000Z", updatedAt: "2026-05-04T10:00:00.000Z",
 *   testCaseId: "tc-31", result: "failed", environment: "uat", softwareVersion: "2.4.0-rc1",
 *   executedAt: "2026-05-04T09:30:00.000Z", executedBy: "p-rui", defectIds: ["def-9"],
 * });
 * ```
 */
export const testRunSchema = entitySchema(
  {
    /** The test case executed. */
    testCaseId: refSchema,
    /** Outcome. */
    result: testResultSchema,
    /** Environment (`"uat"`, `"staging"`). */
    environment: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/).max(64),
    /** Software version or build under test. */
    softwareVersion: z.string().trim().min(1).max(100),
    /** When it was executed. */
    executedAt: instantCodec,
    /** Who executed it (absent for unattended automated runs). */
    executedBy: refSchema.optional(),
    /** Defects raised or observed in this run (each once). */
    defectIds: z.array(refSchema).max(500),
    /** Where the evidence is (log, screenshot, pipeline URL). */
    evidenceRef: z.string().trim().min(1).max(2_000).optional(),
    /** Notes. */
    notes: textSchema.optional(),
  },
).superRefine((r, ctx) => {
  refuseRepeats(ctx, r.defectIds, ["defectIds"], "defect listed twice");
}, whenDecoded);

/** A test run, in memory form. */
export type TestRun = z.output<typeof testRunSchema>;
/** A test run, in wire form (what adapters store). */
export type TestRunWire = z.input<typeof testRunSchema>;

/**
 * JSON Schema of the test run wire form.
 *
 * @example
 * ```ts
 * testRunJsonSchema().title; // "TestRun"
 * ```
 */
export function testRunJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(testRunSchema, { title: "TestRun", description: "One execution of a test case against a build in an environment." });
}
