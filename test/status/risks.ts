import { decodeEntity, type Risk } from "../../src/index.js";

/** An open risk of project P raised 2026-01-10 (version 2, updated 2026-03-05), owned by p-o; `extra` sets the rest. */
export const risk = (id: string, extra: Record<string, unknown>): Risk =>
  decodeEntity("risk", {
    id, version: 2, createdAt: "2026-01-10T09:00:00.000Z", updatedAt: "2026-03-05T09:00:00.000Z", projectId: "P", title: id,
    ownerId: "p-o", response: "mitigate", mitigation: "m", status: "open", raisedOn: "2026-01-10", ...extra,
  }) as Risk;

/** A wire amount in EUR. */
export const eur = (amount: string) => ({ amount, currency: "EUR" });
