import { ValidationError } from "../core/errors.js";
import { canTransitionRequest, REQUEST_TRANSITIONS, type ProjectRequest, type RequestStatus } from "../entities/project-request.js";
import type { Project } from "../entities/project.js";
import type { WireOf } from "../entities/registry.js";
import type { DraftOf } from "../storage/repository.js";
import type { PmoContext } from "./context.js";
import { runOperation, type Work } from "./operation.js";

/** Options of a request transition. */
export interface TransitionOptions {
  /** Why, in plain words (recorded on the transition and the audit event). */
  readonly reason?: string;
  /** Refuse when the request has changed since it was read at this version. */
  readonly expectedVersion?: number;
}

/** @internal Moves a request along REQUEST_TRANSITIONS, appending the transition; refuses anything else. */
export async function moveRequest(
  w: Work,
  id: string,
  to: RequestStatus,
  opts: TransitionOptions,
  extra: Partial<WireOf<"request">> = {},
): Promise<ProjectRequest> {
  const current = await w.repos.request.require(id);
  if (!canTransitionRequest(current.status, to)) {
    const allowed = REQUEST_TRANSITIONS[current.status];
    throw ValidationError.single(
      ["status"],
      `request ${id} is ${current.status}: it can go to ${allowed.length ? allowed.join(", ") : "no other state"}, not ${to}`,
      "request",
    );
  }
  return w.update(
    "request",
    id,
    (wire) => ({
      ...wire,
      ...extra,
      status: to,
      transitions: [
        ...(wire.transitions ?? []),
        { from: current.status, to, by: w.actor, at: w.at, ...(opts.reason !== undefined ? { reason: opts.reason } : {}) },
      ],
    }),
    opts,
  );
}

/**
 * What `createRequest` takes: a request's draft without its lifecycle (`status` starts at `draft`, `transitions`
 * empty; the service moves them).
 *
 * @example
 * ```ts
 * const draft: RequestDraft = { code: "REQ-2027-010", title: "Self-service returns portal", … };
 * ```
 */
export type RequestDraft = Omit<DraftOf<"request">, "status" | "transitions">;

/**
 * What `convertRequest` takes: the new project's draft without `requestId` (the service records the request it came from).
 *
 * @example
 * ```ts
 * const soc: ProjectFromRequestDraft = { code: "PRJ-SOC", name: "Managed security operations centre", … };
 * ```
 */
export type ProjectFromRequestDraft = Omit<DraftOf<"project">, "requestId">;

/** @internal Creates a draft request. */
export function createRequest(ctx: PmoContext, actor: string, draft: RequestDraft): Promise<ProjectRequest> {
  return runOperation(ctx.adapter, ctx.options, actor, (w) => w.create("request", { ...draft, status: "draft", transitions: [] } as DraftOf<"request">));
}

/** @internal One lifecycle step (submit, review, approve, reject, defer). */
export function transitionRequest(ctx: PmoContext, actor: string, id: string, to: RequestStatus, opts: TransitionOptions = {}): Promise<ProjectRequest> {
  if (to === "converted") {
    throw ValidationError.single(["status"], "a request is converted by convertRequest, which creates its project", "request");
  }
  return runOperation(ctx.adapter, ctx.options, actor, (w) => moveRequest(w, id, to, opts));
}

/** @internal Turns an approved request into a project: creates the project and marks the request converted. */
export function convertRequest(
  ctx: PmoContext,
  actor: string,
  id: string,
  project: ProjectFromRequestDraft,
  opts: TransitionOptions = {},
): Promise<{ readonly request: ProjectRequest; readonly project: Project }> {
  return runOperation(ctx.adapter, ctx.options, actor, async (w) => {
    const request = await w.repos.request.require(id);
    if (request.status !== "approved") {
      throw ValidationError.single(["status"], `only an approved request becomes a project; ${id} is ${request.status}`, "request");
    }
    const created = await w.create("project", { ...project, requestId: id } as DraftOf<"project">, opts.reason);
    const converted = await moveRequest(w, id, "converted", opts, { convertedProjectId: created.id });
    return { request: converted, project: created };
  });
}
