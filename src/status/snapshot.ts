import { checkArguments, decodeWith, ValidationError, type Instant } from "../core/index.js";
import { statusReportSchema, type StatusReport } from "../entities/index.js";
import type { RagColour } from "./rag-evaluate.js";
import type { RagStatus } from "./rag-status.js";

/** What a status report adds to the computed colours. */
export interface StatusReportContent {
  /** Report id. */
  readonly id: string;
  /** Author. */
  readonly authorId: string;
  /** Executive summary. */
  readonly summary: string;
  /** Last period's achievements. */
  readonly accomplishments?: readonly string[];
  /** Next planned activities. */
  readonly nextSteps?: readonly string[];
  /** RAID records cited (`{ kind: "risk", id: "RSK-CRM-001" }`). */
  readonly raidRefs?: readonly { readonly kind: string; readonly id: string }[];
  /** When it is published (also its creation instant). */
  readonly publishedAt: Instant;
  /** Who publishes it. */
  readonly publishedBy: string;
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === "object" && !Object.isFrozen(v)) {
    Object.values(v).forEach(deepFreeze);
    Object.freeze(v);
  }
  return v;
}

/**
 * Freezes a computed RAG status into an immutable status report (a `StatusReport` entity, deep-frozen): one colour
 * per rated dimension with the deciding rules' explanation as its comment, their ids as its rule and every rated rule's
 * own colour in `ruleColours` (what persistence rules read next time, even under a dimension another rule decided); the overall
 * colour, with the override and its comment when there is one.
 *
 * @throws {ValidationError} when too few dimensions could be rated (`overall.insufficientData`) and there is no
 *   override, or the report fails the status-report schema (published before its as-of date, a RAID reference of
 *   another kind, …).
 * @example
 * ```ts
 * const report = createStatusReport(ragStatus(project, { asOf, figures }), {
 *   id: "SR-CRM-2026-11-20", authorId: "p-rui-almeida", summary: "On plan.", publishedAt: instant("2026-11-23T09:00:00Z"), publishedBy: "p-rui-almeida",
 * });
 * ```
 */
export function createStatusReport(rag: RagStatus, content: StatusReportContent): StatusReport {
  checkArguments("createStatusReport", { rag: [rag, "object"], content: [content, "object"] });
  checkArguments("createStatusReport", { overall: [rag.overall, "object"] });
  if (rag.overall.colour === undefined) {
    const short = rag.overall.insufficientData;
    const why = short && short.rated.length > 0 ? `insufficient data: ${short.explanation}` : "no dimension could be rated";
    throw ValidationError.single(["overall"], `${why}: supply figures or override the overall colour with a comment`, "status report");
  }
  const wire = {
    id: content.id,
    version: 1,
    createdAt: content.publishedAt,
    updatedAt: content.publishedAt,
    projectId: rag.projectId,
    asOf: rag.asOf,
    authorId: content.authorId,
    ragByDimension: rag.dimensions.flatMap((d) =>
      d.colour === undefined
        ? []
        : [{ dimension: d.dimension, colour: d.colour, comment: d.comment, rule: d.decidedBy.join(", "), ruleColours: Object.fromEntries(d.rules.flatMap((r) => (r.colour ? [[r.ruleId, r.colour]] : []))) }],
    ),
    overall: {
      colour: rag.overall.colour,
      ...(rag.overall.override ? { override: { comment: rag.overall.override.comment, by: rag.overall.override.by } } : {}),
    },
    summary: content.summary,
    accomplishments: [...(content.accomplishments ?? [])],
    nextSteps: [...(content.nextSteps ?? [])],
    raidRefs: [...(content.raidRefs ?? [])],
    publishedAt: content.publishedAt,
    publishedBy: content.publishedBy,
  };
  return deepFreeze(decodeWith(statusReportSchema, wire, "status report"));
}

/** The direction of one dimension since the previous report. */
export interface TrendEntry {
  /** Dimension, or `overall`. */
  readonly dimension: string;
  /** Colour now (absent when not rated now). */
  readonly current?: RagColour;
  /** Colour in the previous report (absent when not rated then). */
  readonly previous?: RagColour;
  /** `improved` (↑), `unchanged` (→), `worsened` (↓), `new` or `dropped` (·). */
  readonly direction: "improved" | "unchanged" | "worsened" | "new" | "dropped";
  /** The arrow shown in reports. */
  readonly arrow: "↑" | "→" | "↓" | "·";
}

const RANK: Record<RagColour, number> = { green: 0, amber: 1, red: 2 };

function entry(dimension: string, current: RagColour | undefined, previous: RagColour | undefined): TrendEntry {
  const c = current !== undefined ? { current } : {};
  const p = previous !== undefined ? { previous } : {};
  if (current === undefined) return { dimension, ...p, direction: "dropped", arrow: "·" };
  if (previous === undefined) return { dimension, ...c, direction: "new", arrow: "·" };
  const delta = RANK[current] - RANK[previous];
  return { dimension, ...c, ...p, direction: delta < 0 ? "improved" : delta > 0 ? "worsened" : "unchanged", arrow: delta < 0 ? "↑" : delta > 0 ? "↓" : "→" };
}

/**
 * The trend of each dimension (and overall) against the previous report of the same project: ↑ improved,
 * → unchanged, ↓ worsened, · new or dropped. Without a previous report every entry is `new`.
 *
 * @throws {ValidationError} when the reports belong to different projects or the previous one is not older.
 * @example
 * ```ts
 * statusTrend(november, october).find((t) => t.dimension === "cost")?.arrow; // "↓" when cost went amber → red
 * ```
 */
export function statusTrend(current: StatusReport, previous?: StatusReport): TrendEntry[] {
  checkArguments("statusTrend", { current: [current, "object"], previous: [previous, "object?"] });
  checkArguments("statusTrend", { ragByDimension: [current.ragByDimension, "array"], previousRagByDimension: [previous?.ragByDimension, "array?"] });
  if (previous && previous.projectId !== current.projectId) {
    throw ValidationError.single(["previous", "projectId"], `previous report is for ${previous.projectId}, not ${current.projectId}`, "status trend");
  }
  if (previous && previous.asOf >= current.asOf) {
    throw ValidationError.single(["previous", "asOf"], `previous report (as of ${previous.asOf}) is not older than ${current.asOf}`, "status trend");
  }
  const now = new Map(current.ragByDimension.map((r) => [r.dimension as string, r.colour]));
  const then = new Map((previous?.ragByDimension ?? []).map((r) => [r.dimension as string, r.colour]));
  const dims = ["schedule", "cost", "scope", "quality", "risks-and-issues", "resources", "readiness"].filter((d) => now.has(d) || then.has(d));
  return [...dims.map((d) => entry(d, now.get(d), then.get(d))), entry("overall", current.overall.colour, previous?.overall.colour)];
}
