import * as z from "zod";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, refSchema, textSchema } from "./common.js";

/**
 * Kinds of artifact: the deliverables requirements trace to.
 *
 * @example
 * ```ts
 * artifactTypeSchema.parse("database-change");
 * ```
 */
export const artifactTypeSchema = z.enum([
  "design",
  "code",
  "database-change",
  "operations-change",
  "document",
  "configuration",
  "other",
]);

/**
 * A deliverable that satisfies or implements requirements: a design, a code change, a database or operations
 * change, a document, a configuration.
 *
 * Its own revision is `artifactVersion`, because `version` is the stored record's concurrency counter.
 *
 * @example
 * ```ts
 * const ddl = artifactSchema.decode({
 *   id: "art-7", version: 1, createdAt: "2026-03-01T09:00:00.000Z", updatedAt: "2026-03-01T09:00:00.000Z",
 *   projectId: "prj-crm", artifactType: "database-change", name: "Add customer.export_flag",
 *   reference: "git@example.com:crm/db.git#migrations/0042.sql", artifactVersion: "0042",
 * });
 * ```
 */
export const artifactSchema = entitySchema(
  {
    /** The project. */
    projectId: refSchema,
    /** Kind of artifact. */
    artifactType: artifactTypeSchema,
    /** Name. */
    name: nameSchema,
    /** Where it lives: a URL, a repository path or a commit. */
    reference: z.string().trim().min(1).max(2_000).optional(),
    /** The artifact's own revision (`"v2.1"`, a commit hash). */
    artifactVersion: z.string().trim().min(1).max(100).optional(),
    /** Person responsible. */
    ownerId: refSchema.optional(),
    /** Description. */
    description: textSchema.optional(),
  },
);

/** An artifact, in memory form. */
export type Artifact = z.output<typeof artifactSchema>;
/** An artifact, in wire form (what adapters store). */
export type ArtifactWire = z.input<typeof artifactSchema>;

/**
 * JSON Schema of the artifact wire form.
 *
 * @example
 * ```ts
 * artifactJsonSchema().title; // "Artifact"
 * ```
 */
export function artifactJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(artifactSchema, { title: "Artifact", description: "A deliverable (design, code, database or operations change, document)." });
}
