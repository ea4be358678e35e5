import type { TraceStore } from "./store.js";
import { cmp } from "./order.js";
import type { AcknowledgementInput } from "./types.js";
import { after } from "./times.js";

/*
 * Audience acknowledgement: each audience a requirement lists (developers, DBAs, operations, QA, help desk…) must
 * acknowledge the requirement as it stands now — an acknowledgement pins a fingerprint, and a change reopens it. An
 * audience is reached when at least one of its people acknowledged the current fingerprint.
 */

/** Where one audience stands on one requirement. */
export interface AudienceStatus {
  /** The audience (a person role). */
  readonly audience: string;
  /** `acknowledged` (current version), `stale` (only earlier versions), `missing` (never). */
  readonly status: "acknowledged" | "stale" | "missing";
  /** People who acknowledged the current version. */
  readonly current: readonly string[];
  /** People who acknowledged only an earlier version. */
  readonly outdated: readonly string[];
}

/** Acknowledgement status of one requirement. */
export interface RequirementAcknowledgement {
  /** The requirement id. */
  readonly requirementId: string;
  /** Its current fingerprint. */
  readonly fingerprint: string;
  /** Every audience it lists, in its order. */
  readonly audiences: readonly AudienceStatus[];
  /** Audiences that have not acknowledged the current version. */
  readonly pending: readonly string[];
}

/** What one person still has to (re-)acknowledge. */
export interface PersonPending {
  /** The person. */
  readonly personId: string;
  /** Each requirement and audience, and why: they read an earlier version, or their audience has not acknowledged yet. */
  readonly items: readonly { readonly requirementId: string; readonly audience: string; readonly reason: "changed-since" | "not-yet" }[];
}

/** A person as the acknowledgement report reads it (the `Person` entity qualifies). */
export interface AudienceMember {
  /** Person id. */
  readonly id: string;
  /** Roles held. */
  readonly roles: readonly string[];
  /** False for people who left; they are not asked. */
  readonly active?: boolean;
}

/** One shared, frozen empty list for the many audiences nobody has acknowledged for, and the many coverage entries
 * with nothing missing or unwanted (results are read-only). */
export const NONE: readonly never[] = Object.freeze([]);

/** Acknowledgements by requirement id; with `asOf`, those given after it are left out (they had not happened yet). */
export function groupAcks(acks: readonly AcknowledgementInput[], asOf?: string): Map<string, AcknowledgementInput[]> {
  const m = new Map<string, AcknowledgementInput[]>();
  for (const a of acks) {
    if (after(a.acknowledgedAt, asOf)) continue;
    const list = m.get(a.requirementId);
    if (list) list.push(a);
    else m.set(a.requirementId, [a]);
  }
  return m;
}

/**
 * Where requirement `v` stands with its audiences. As of `asOf`, a fingerprint change dated after it (the item's
 * `fingerprintChangedAt`: a raised revision alone is none) has not happened: an acknowledgement given by then read the
 * content in force then (as evidence and suspects read it).
 */
export function acknowledgementOf(store: TraceStore, v: number, acks: ReadonlyMap<string, readonly AcknowledgementInput[]>, asOf?: string): RequirementAcknowledgement | undefined {
  const item = store.items[v]!;
  // A retired requirement (the rules' inactive statuses) is not rolled out: nobody has to acknowledge it.
  if (item.kind !== "requirement" || item.inactive !== undefined) return undefined;
  const audiences = item.entity.audiences;
  // Checked where they enter: a list of roles, or absent.
  if (!(audiences as string[] | null | undefined)?.length) return undefined;
  const mine = acks.get(item.id) ?? [];
  if (mine.length === 0) {
    // Nobody acknowledged anything yet: every audience is missing (the common case, kept allocation-light).
    const statuses: AudienceStatus[] = (audiences as string[]).map((audience) => ({ audience, status: "missing", current: NONE, outdated: NONE }));
    return { requirementId: item.id, fingerprint: item.fingerprint, audiences: statuses, pending: [...(audiences as string[])] };
  }
  const statuses = (audiences as string[]).map((audience): AudienceStatus => {
    const current = new Set<string>();
    const outdated = new Set<string>();
    for (const a of mine) {
      if (a.audienceRole !== audience) continue;
      if (a.fingerprint === item.fingerprint || after(item.fingerprintChangedAt, asOf)) current.add(a.personId);
      else outdated.add(a.personId);
    }
    for (const p of current) outdated.delete(p);
    return {
      audience,
      status: current.size > 0 ? "acknowledged" : outdated.size > 0 ? "stale" : "missing",
      current: [...current].sort(),
      outdated: [...outdated].sort(),
    };
  });
  return {
    requirementId: item.id,
    fingerprint: item.fingerprint,
    audiences: statuses,
    pending: statuses.filter((s) => s.status !== "acknowledged").map((s) => s.audience),
  };
}

/** Per person: outdated acknowledgements, and (given the people) unreached audiences they belong to; people who left are not asked. */
export function pendingByPerson(reqs: readonly RequirementAcknowledgement[], people: readonly AudienceMember[] | undefined): PersonPending[] {
  const m = new Map<string, PersonPending["items"][number][]>();
  const push = (p: string, item: PersonPending["items"][number]) => {
    const list = m.get(p);
    if (list) {
      if (!list.some((x) => x.requirementId === item.requirementId && x.audience === item.audience)) list.push(item);
    } else m.set(p, [item]);
  };
  // People who left are not asked, not even to re-read what they acknowledged before.
  const gone = new Set((people ?? []).filter((p) => p.active === false).map((p) => p.id));
  for (const r of reqs) {
    for (const a of r.audiences) {
      if (a.status === "acknowledged") continue;
      for (const p of a.outdated) if (!gone.has(p)) push(p, { requirementId: r.requirementId, audience: a.audience, reason: "changed-since" });
      for (const person of people ?? []) {
        if (person.active === false || !person.roles.includes(a.audience) || a.outdated.includes(person.id)) continue;
        push(person.id, { requirementId: r.requirementId, audience: a.audience, reason: "not-yet" });
      }
    }
  }
  return [...m.entries()].sort(([a], [b]) => cmp(a, b)).map(([personId, items]) => ({ personId, items }));
}
