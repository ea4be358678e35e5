import { describe, expect, it } from "vitest";
import { createRepositories, isPmoError, type EntityKind, type StorageAdapter } from "../../src/index.js";
import { createPmo } from "../../src/services/index.js";
import { NOW, seedOffice } from "./office.js";

/*
 * Reliability of the workflows on one adapter (the memory adapter and every SQL backend run the same tests):
 * no lost update under 100 concurrent writers, and all-or-nothing when a workflow fails halfway.
 */

class Injected extends Error {}

const WRITERS = 100;

async function snapshot(adapter: StorageAdapter, kinds: readonly EntityKind[]): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const kind of kinds) out[kind] = [...(await adapter.store(kind).list({ limit: 1000 })).items];
  return JSON.stringify(out);
}

/** `open` gives an adapter over an empty, migrated store; `close` releases it. */
export function workflowReliability(label: string, open: () => Promise<{ adapter: StorageAdapter; close: () => Promise<void> }>): void {
  describe(`${label}: workflow reliability`, () => {
    it(`${WRITERS} concurrent writers on one project: each lands with version + 1 or gets VersionConflictError`, async () => {
      const { adapter, close } = await open();
      try {
        await seedOffice(adapter, ["project"]);
        const pmo = createPmo(adapter, { clock: () => NOW });
        const start = (await adapter.store("project").get("PRJ-WMS"))!.version;
        // Each writer reads the version at some point (some before others wrote, some after) and writes with it.
        const results = await Promise.allSettled(
          Array.from({ length: WRITERS }, async (_, i) => {
            if (i % 3 === 1) await new Promise((r) => setTimeout(r, i % 7));
            const seen = (await adapter.store("project").get("PRJ-WMS"))!.version;
            const p = await pmo.updateProject("p-rui-almeida", "PRJ-WMS", seen, { description: `Writer ${i}` });
            return { seen, version: p.version };
          }),
        );
        const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
        const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
        expect(lost.every((e) => isPmoError(e, "version-conflict")), String(lost.find((e) => !isPmoError(e, "version-conflict")))).toBe(true);
        expect(won.length + lost.length).toBe(WRITERS);
        expect(won.length).toBeGreaterThan(0);
        for (const w of won) expect(w.version).toBe(w.seen + 1);
        // No two winners wrote the same version: every success is a distinct step, none lost.
        expect(new Set(won.map((w) => w.version)).size).toBe(won.length);
        const final = (await adapter.store("project").get("PRJ-WMS"))!;
        expect(final.version).toBe(start + won.length);
        // …and each success left exactly one audit event.
        expect((await pmo.history("project", "PRJ-WMS")).length).toBe(won.length);
      } finally {
        await close();
      }
    }, 60_000);

    it("a workflow failing after its second write leaves nothing behind", async () => {
      const { adapter, close } = await open();
      try {
        await seedOffice(adapter, ["request", "project"]);
        const kinds: EntityKind[] = ["request", "project", "audit-event"];
        const before = await snapshot(adapter, kinds);
        const pmo = createPmo(adapter, {
          clock: () => NOW,
          onWrite: (n: number) => {
            if (n === 2) throw new Injected("injected failure after the second write");
          },
        });
        const repos = createRepositories(adapter);
        const source = repos.project.encode(await repos.project.require("PRJ-CRM"));
        const { id: _i, version: _v, createdAt: _c, updatedAt: _u, requestId: _r, ...draft } = source as unknown as Record<string, unknown>;
        // Converting REQ-2027-002 (approved) writes the project, its audit event, the request, its audit event.
        await expect(
          pmo.convertRequest("p-sofia-marino", "REQ-2027-002", { ...draft, id: "PRJ-NEW", code: "PRJ-NEW", lifecycle: "initiating" } as never),
        ).rejects.toBeInstanceOf(Injected);
        expect(await snapshot(adapter, kinds)).toBe(before);
        expect(await adapter.store("project").get("PRJ-NEW")).toBeNull();
        expect((await repos.request.require("REQ-2027-002")).status).toBe("approved");
      } finally {
        await close();
      }
    }, 60_000);
  });
}
