import * as z from "zod";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, refSchema, textSchema } from "./common.js";
import { itemKeySchema } from "./requirement.js";

/**
 * One step of a test case: what the tester does and what should happen.
 *
 * @example
 * ```ts
 * testStepSchema.parse({ action: "Click Export", expected: "A CSV file downloads" });
 * ```
 */
export const testStepSchema = z.strictObject({
  /** What the tester does. */
  action: z.string().trim().min(1).max(2_000),
  /** What should happen. */
  expected: textSchema,
});

/**
 * Test case lifecycle states (`deprecated`: retired, kept for history; trace rules leave it out by default).
 *
 * @example
 * ```ts
 * testCaseStatusSchema.parse("deprecated");
 * ```
 */
export const testCaseStatusSchema = z.enum(["draft", "ready", "deprecated"]);

/**
 * A test case: a repeatable check that verifies one or more requirements (linked by trace links).
 *
 * @example
 * ```ts
 * const tc = testCaseSchema.decode({
 *   id: "tc-31", version: 1, createdAt: "2026-03-01T09:00:00.000Z", updatedAt: "2026-03-01T09:00:00.000Z",
 *   projectId: "prj-crm", key: "TC-031", title: "Export customers as CSV", automation: "manual", status: "ready",
 *   steps: [{ action: "Click Export", expected: "A CSV file downloads" }],
 * });
 * ```
 */
export const testCaseSchema = entitySchema(
  {
    /** The project. */
    projectId: refSchema,
    /** Human-readable key (`"TC-031"`). */
    key: itemKeySchema,
    /** Title. */
    title: nameSchema,
    /** Purpose and preconditions. */
    description: textSchema.optional(),
    /** Steps, in order. */
    steps: z.array(testStepSchema).max(500).optional(),
    /** Overall expected result. */
    expectedResult: textSchema.optional(),
    /** Whether it runs by hand or in a pipeline. */
    automation: z.enum(["manual", "automated"]),
    /**
     * The kind of test (`"unit"`, `"integration"`, `"system"`, `"acceptance"`, or the office's own); trace rules read it
     * with `typeFields: { "test-case": "testKind" }`, so a rule can ask for a unit test and an acceptance test.
     */
    testKind: z.string().regex(/^[a-z][a-z0-9-]*$/).max(64).optional(),
    /** Content revision (OpenFastTrace's `~revision`), raised by whoever changes the meaning; links pin it. */
    revision: z.number().int().min(0).max(1_000_000).optional(),
    /** Person responsible. */
    ownerId: refSchema.optional(),
    /** Lifecycle state. */
    status: testCaseStatusSchema,
  },
);

/** A test case, in memory form. */
export type TestCase = z.output<typeof testCaseSchema>;
/** A test case, in wire form (what adapters store). */
export type TestCaseWire = z.input<typeof testCaseSchema>;

/**
 * JSON Schema of the test case wire form.
 *
 * @example
 * ```ts
 * testCaseJsonSchema().title; // "TestCase"
 * ```
 */
export function testCaseJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(testCaseSchema, { title: "TestCase", description: "A repeatable test that verifies requirements." });
}
