import { instant, type ServiceOutage } from "../../src/index.js";

// Millisecond units and an outage builder for the availability audits (epoch milliseconds in, wire records out).
export const SEC = 1_000;
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const at = (ms: number) => instant(new Date(ms));
/** An unplanned full outage of `crm` from `start` to `end` (open when `end` is undefined); `extra` overrides fields. */
export const outage = (id: string, start: number, end: number | undefined, extra: Partial<Record<"planned" | "impact" | "service", unknown>> = {}): ServiceOutage =>
  ({ id, version: 1, createdAt: at(start), updatedAt: at(start), service: "crm", start: at(start), ...(end === undefined ? {} : { end: at(end) }), planned: false, impact: "full", ...extra }) as never;
/** Monday 9 March 2026, 00:00 UTC. */
export const T0 = Date.UTC(2026, 2, 9);
