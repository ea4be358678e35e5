import { PmoDecimal } from "../../src/core/index.js";
import type { Scoreboard } from "../../src/prioritization/index.js";
import { decodeEntity, type ProjectRequest } from "../../src/entities/index.js";
import { loadSampleOffice } from "../../examples/office.js";

/** The sample office's 13 requests, decoded. */
export function sampleRequests(): ProjectRequest[] {
  return loadSampleOffice().request.map((w) => decodeEntity("request", w) as ProjectRequest);
}

/** A minimal in-memory request with numeric ratings (and optional labels), for synthetic cases. */
export function req(id: string, ratings: Record<string, number | string>, extra: Partial<ProjectRequest> = {}): ProjectRequest {
  return {
    id, benefits: [], estimatedCost: [], effort: [], dependsOn: [], strategicObjectiveIds: [], transitions: [],
    ratings: Object.entries(ratings).map(([criterionId, v]) =>
      typeof v === "number" ? { criterionId, value: new PmoDecimal(v) } : { criterionId, label: v }),
    ...extra,
  } as unknown as ProjectRequest;
}

/** Score strings of a board, for comparing runs. */
export function summary(board: Scoreboard): string[] {
  return board.entries.map((e) => `${e.rank}:${e.requestId}:${e.status}:${e.score.value?.toFixed() ?? e.score.reason}`);
}
