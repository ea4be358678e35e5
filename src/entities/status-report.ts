import * as z from "zod";
import { instantCodec, isoDateCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { refSchema, textListSchema, textSchema, whenDecoded } from "./common.js";
import { refuse } from "./refuse.js";
import { ragColourSchema, ragDimensionSchema } from "./rag.js";

/**
 * A status report: an immutable snapshot of a project's health as of a date, as published. Later changes to the
 * project never rewrite it; a correction is a new report.
 *
 * @example
 * ```ts
 * const sr = statusReportSchema.decode({
 *   id: "sr-1", version: 1, createdAt: "2027-03-01T09:00:00.000Z", updatedAt: "2027-03-01T09:00:00.000Z",
 *   projectId: "prj-crm", asOf: "2027-02-28", authorId: "p-rui",
 *   ragByDimension: [{ dimension: "cost", colour: "amber", comment: "CPI 0.93", rule: "CPI < 0.95" }],
 *   overall: { colour: "amber" }, summary: "On track but over cost", accomplishments: [], nextSteps: [],
 *   raidRefs: [{ kind: "risk", id: "rsk-1" }], publishedAt: "2027-03-01T09:00:00.000Z", publishedBy: "p-rui",
 * });
 * ```
 */
export const statusReportSchema = entitySchema(
  {
    /** The project reported on. */
    projectId: refSchema,
    /** Date the figures are as of (the status date). */
    asOf: isoDateCodec,
    /** Who wrote it. */
    authorId: refSchema,
    /** One RAG rating per dimension rated. */
    ragByDimension: z
      .array(
        z.strictObject({
          /** The dimension. */
          dimension: ragDimensionSchema,
          /** Its colour. */
          colour: ragColourSchema,
          /** Why that colour. */
          comment: textSchema,
          /** The rule that fired, when the colour was computed (`"CPI < 0.95"`). */
          rule: textSchema.optional(),
          /**
           * Each rated rule's own colour by rule id (`{ "resources-allocation": "amber" }`; `createStatusReport` writes
           * them): what persistence rules read next time, even when another rule decided the dimension.
           */
          ruleColours: z.record(refSchema, ragColourSchema).optional(),
        }),
      )
      .max(7)
      .default([]),
    /** Overall colour, and the human override when it departs from what the rules gave. */
    overall: z.strictObject({
      /** The colour published. */
      colour: ragColourSchema,
      /** Present when someone overrode the computed colour: who, and why. */
      override: z
        .strictObject({
          /** Why the colour was overridden (required: an unexplained override is not auditable). */
          comment: z.string().trim().min(1).max(2_000),
          /** Who overrode it. */
          by: refSchema,
        })
        .optional(),
    }),
    /** Summary for the reader in a hurry. */
    summary: textSchema,
    /** What was achieved since the last report. */
    accomplishments: textListSchema.default([]),
    /** What happens next. */
    nextSteps: textListSchema.default([]),
    // The kinds a report may cite, checked by the codec (an enum in the JSON Schema) but typed as a string, as before:
    // a report built from plain strings still type-checks; an unknown kind is refused at `raidRefs[i].kind`.
    /** RAID items the report cites (risks, issues, decisions, actions, change requests). */
    raidRefs: z
      .array(z.strictObject({ kind: z.enum(["risk", "issue", "decision", "action", "change-request"]) as z.ZodType<string, string>, id: refSchema }))
      .max(1_000)
      .default([]),
    /** When it was published. */
    publishedAt: instantCodec,
    /** Who published it. */
    publishedBy: refSchema,
  },
).superRefine((r, ctx) => {
  const dims = new Set<string>();
  r.ragByDimension.forEach((d, i) => {
    if (dims.has(d.dimension)) refuse(ctx, ["ragByDimension", i, "dimension"], `${d.dimension} rated twice`);
    dims.add(d.dimension);
  });
  const refs = new Set<string>();
  r.raidRefs.forEach((ref, i) => {
    const k = `${ref.kind}/${ref.id}`;
    if (refs.has(k)) refuse(ctx, ["raidRefs", i, "id"], `${k} cited twice`);
    refs.add(k);
  });
  // A report cannot be published before the date its figures are as of (UTC day of publication).
  if (r.publishedAt.slice(0, 10) < r.asOf) {
    refuse(ctx, ["publishedAt"], "published before its as-of date");
  }
}, whenDecoded);

/** A status report, in memory form. */
export type StatusReport = z.output<typeof statusReportSchema>;
/** A status report, in wire form (what adapters store). */
export type StatusReportWire = z.input<typeof statusReportSchema>;

/**
 * JSON Schema of the status report wire form.
 *
 * @example
 * ```ts
 * statusReportJsonSchema().title; // "Status report"
 * ```
 */
export function statusReportJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(statusReportSchema, { title: "Status report", description: "An immutable snapshot of a project's health as of a date." });
}
