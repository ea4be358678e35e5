import { describe, expect, it } from "vitest";
import {
  createMemoryAdapter, createRepositories, createRepository, createSequentialIdGenerator, entityKindNames,
  isPmoError, runInTransaction, ValidationError, type StorageAdapter,
} from "../../src/index.js";

const clockAt = (...instants: string[]) => {
  let i = 0;
  return () => instants[Math.min(i++, instants.length - 1)] as string;
};

const costDraft = {
  projectId: "prj-crm",
  date: "2026-03-31",
  amount: { amount: "1234.5", currency: "EUR" },
  category: "software" as const,
  expenditure: "opex" as const,
  sourceRef: "INV-2026-0331",
};

describe("createRepository", () => {
  it("creates with a generated id, version 1 and the injected clock, storing the canonical wire form", async () => {
    const adapter = createMemoryAdapter();
    const repo = createRepository(adapter, "cost-entry", {
      ids: createSequentialIdGenerator("ce"),
      clock: clockAt("2026-04-01T08:00:00Z"),
    });
    const created = await repo.create(costDraft);
    expect(created.id).toBe("ce-0001");
    expect(created.version).toBe(1);
    expect(created.createdAt).toBe("2026-04-01T08:00:00.000Z");
    expect(created.amount.amount.toFixed()).toBe("1234.5");
    // The adapter sees the canonical wire form: amount padded to the currency's two minor units.
    const raw = await adapter.store("cost-entry").get("ce-0001");
    expect(raw?.["amount"]).toEqual({ amount: "1234.50", currency: "EUR" });
    expect(raw?.["createdAt"]).toBe("2026-04-01T08:00:00.000Z");
  });

  it("accepts a draft written `as const` (readonly arrays): DraftOf reads, never writes back", async () => {
    // Before, DraftOf was the zod input type with mutable arrays, and this did not compile (TS2345: readonly `roles` is not assignable to a mutable array).
    const draft = {
      name: "Ana Costa", email: "ana.costa@northwind-logistics.example", roles: ["sponsor"], skills: [], power: 5, interest: 5,
      engagement: { current: "supportive", desired: "leading" }, active: true,
    } as const;
    const repo = createRepository(createMemoryAdapter(), "person", { ids: createSequentialIdGenerator("p"), clock: clockAt("2026-04-01T08:00:00Z") });
    const created = await repo.create(draft);
    expect([created.id, created.roles, created.engagement?.desired]).toEqual(["p-0001", ["sponsor"], "leading"]);
  });

  it("keeps an id the caller gives", async () => {
    const repo = createRepository(createMemoryAdapter(), "cost-entry");
    expect((await repo.create({ ...costDraft, id: "CE-42" })).id).toBe("CE-42");
  });

  it("rejects an invalid draft with every path and writes nothing", async () => {
    const adapter = createMemoryAdapter();
    const repo = createRepository(adapter, "cost-entry");
    const bad = { ...costDraft, date: "2026-02-30", amount: { amount: "1e3", currency: "EURO" } };
    const error = await repo.create(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["date", "amount.amount", "amount.currency"]));
    expect((error as ValidationError).subject).toBe("cost-entry");
    expect((await adapter.store("cost-entry").list({ limit: 10 })).items).toHaveLength(0);
  });

  it("updates with compare-and-set: version + 1, new updatedAt, and a stale copy loses", async () => {
    const repo = createRepository(createMemoryAdapter(), "cost-entry", {
      clock: clockAt("2026-04-01T08:00:00Z", "2026-04-02T08:00:00Z", "2026-04-03T08:00:00Z"),
    });
    const v1 = await repo.create({ ...costDraft, id: "ce-1" });
    const v2 = await repo.update({ ...v1, sourceRef: "INV-CORRECTED" });
    expect(v2.version).toBe(2);
    expect(v2.createdAt).toBe("2026-04-01T08:00:00.000Z");
    expect(v2.updatedAt).toBe("2026-04-02T08:00:00.000Z");
    const stale = await repo.update({ ...v1, sourceRef: "LATE" }).catch((e: unknown) => e);
    expect(isPmoError(stale, "version-conflict")).toBe(true);
    expect((await repo.require("ce-1")).sourceRef).toBe("INV-CORRECTED");
  });

  it("require throws NotFoundError; get returns null; getMany keeps order", async () => {
    const repo = createRepository(createMemoryAdapter(), "person");
    await repo.create({ id: "p-1", name: "Ana", roles: ["sponsor"] });
    expect(await repo.get("nope")).toBeNull();
    await expect(repo.require("nope")).rejects.toMatchObject({ code: "not-found", kind: "person", id: "nope" });
    expect((await repo.getMany(["nope", "p-1"])).map((p) => p?.name ?? null)).toEqual([null, "Ana"]);
  });

  it("lists with filters and iterates every page with all()", async () => {
    const repo = createRepository(createMemoryAdapter(), "person", { ids: createSequentialIdGenerator("p") });
    for (let i = 0; i < 250; i++) await repo.create({ name: `Person ${i}`, roles: [i % 2 ? "developer" : "qa"], power: (i % 5) + 1 });
    const page = await repo.list({ where: [{ field: "power", op: "eq", value: 5 }], limit: 10 });
    expect(page.items).toHaveLength(10);
    expect(page.items.every((p) => p.power === 5)).toBe(true);
    let n = 0;
    for await (const p of repo.all({ where: [{ field: "roles", op: "contains", value: "qa" }], limit: 7 })) {
      expect(p.roles).toEqual(["qa"]);
      n++;
    }
    expect(n).toBe(125);
  });

  it("refuses to decode a corrupted stored record", async () => {
    const adapter = createMemoryAdapter();
    await adapter.store("person").insert({ id: "p-x", version: 1, createdAt: "x", updatedAt: "x", name: "", roles: [] });
    await expect(createRepository(adapter, "person").get("p-x")).rejects.toBeInstanceOf(ValidationError);
  });

  it("createRepositories gives one repository per entity kind", () => {
    const repos = createRepositories(createMemoryAdapter());
    expect(Object.keys(repos).sort()).toEqual(entityKindNames().sort());
    expect(repos.project.kind).toBe("project");
  });
});

describe("memory adapter transactions", () => {
  it("runs a multi-kind workflow atomically through repositories", async () => {
    const adapter = createMemoryAdapter();
    const boom = new Error("injected after the second write");
    await expect(
      runInTransaction(adapter, async (tx) => {
        const repos = createRepositories(tx);
        await repos.person.create({ id: "p-1", name: "Ana", roles: ["sponsor"] });
        await repos["cost-entry"].create({ ...costDraft, id: "ce-1" });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await adapter.store("person").get("p-1")).toBeNull();
    expect(await adapter.store("cost-entry").get("ce-1")).toBeNull();
  });

  it("fails the later of two conflicting transactions at commit and applies none of its writes", async () => {
    const adapter = createMemoryAdapter();
    const repo = createRepository(adapter, "person");
    const ana = await repo.create({ id: "p-1", name: "Ana", roles: ["sponsor"] });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = runInTransaction(adapter, async (tx) => {
      const r = createRepository(tx, "person");
      await r.create({ id: "p-side", name: "Side effect", roles: ["qa"] });
      await r.update({ ...ana, name: "Ana (slow)" });
      await gate; // the fast writer commits meanwhile
    });
    await repo.update({ ...ana, name: "Ana (fast)" });
    release();
    await expect(slow).rejects.toMatchObject({ code: "version-conflict" });
    expect((await repo.require("p-1")).name).toBe("Ana (fast)");
    expect(await repo.get("p-side")).toBeNull();
  });

  it("refuses to use a transaction handle after the transaction ended", async () => {
    const adapter = createMemoryAdapter();
    let leaked: StorageAdapter | undefined;
    await runInTransaction(adapter, async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.store("person").get("x")).rejects.toThrow(/already finished/);
  });

  it("returns frozen records so callers cannot change the store by accident", async () => {
    const adapter = createMemoryAdapter();
    await createRepository(adapter, "person").create({ id: "p-1", name: "Ana", roles: ["sponsor"] });
    const raw = await adapter.store("person").get("p-1");
    expect(Object.isFrozen(raw)).toBe(true);
    expect(Object.isFrozen(raw?.["roles"])).toBe(true);
  });
});

describe("importRecord", () => {
  it("inserts a complete record with its own id, version and timestamps, canonicalised", async () => {
    const adapter = createMemoryAdapter();
    const repo = createRepository(adapter, "cost-entry");
    const wire = {
      ...costDraft, id: "ce-9", version: 4, createdAt: "2025-12-01T10:00:00Z", updatedAt: "2026-01-02T11:00:00.5Z",
    };
    const imported = await repo.importRecord(wire);
    expect(imported.version).toBe(4);
    expect(await adapter.store("cost-entry").get("ce-9")).toMatchObject({
      version: 4,
      createdAt: "2025-12-01T10:00:00.000Z",
      updatedAt: "2026-01-02T11:00:00.500Z",
      amount: { amount: "1234.50", currency: "EUR" },
    });
  });

  it("refuses an invalid record and a duplicate id, writing nothing", async () => {
    const adapter = createMemoryAdapter();
    const repo = createRepository(adapter, "cost-entry");
    const wire = { ...costDraft, id: "ce-9", version: 1, createdAt: "2025-12-01T10:00:00.000Z", updatedAt: "2025-12-01T10:00:00.000Z" };
    await expect(repo.importRecord({ ...wire, version: 0 })).rejects.toBeInstanceOf(ValidationError);
    await repo.importRecord(wire);
    await expect(repo.importRecord({ ...wire, sourceRef: "OTHER" })).rejects.toMatchObject({ code: "duplicate-id" });
    expect((await repo.require("ce-9")).sourceRef).toBe("INV-2026-0331");
  });
});
