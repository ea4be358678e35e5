import * as z from "zod";

/*
 * The RAG colour and dimension enums, apart from the status report schema: the RAG rules (status/rag-rules.ts) name
 * dimensions, and importing them from here keeps the whole status report schema (and the codecs it uses) out of a
 * bundle that only evaluates RAG rules.
 */

/**
 * RAG colours.
 *
 * @example
 * ```ts
 * ragColourSchema.parse("amber"); // "amber"
 * ```
 */
export const ragColourSchema = /* @__PURE__ */ z.enum(["green", "amber", "red"]);

/**
 * Dimensions a status report rates.
 *
 * @example
 * ```ts
 * ragDimensionSchema.parse("risks-and-issues"); // "risks-and-issues"
 * ```
 */
export const ragDimensionSchema = z.enum(["schedule", "cost", "scope", "quality", "risks-and-issues", "resources", "readiness"]);
