import { UnsupportedCapabilityError } from "../core/errors.js";
import { checkArguments } from "../core/guard.js";
import type { StorageAdapter } from "./port.js";

/**
 * Runs `fn` in one interactive transaction of the adapter: all of its writes land, or none do.
 * Refuses — before `fn` runs — when the adapter does not declare interactive transactions, rather than letting a
 * multi-step operation half-write.
 *
 * @throws {UnsupportedCapabilityError} when `capabilities.transactions` is not `interactive`.
 * @example
 * ```ts
 * await runInTransaction(adapter, async (tx) => {
 *   const repos = createRepositories(tx);
 *   const req = await repos.request.require("REQ-7");
 *   await repos.request.update({ ...req, status: "converted" });
 *   await repos.project.create({ … });
 * });
 * ```
 */
export async function runInTransaction<T>(adapter: StorageAdapter, fn: (tx: StorageAdapter) => Promise<T>): Promise<T> {
  checkArguments("runInTransaction", { adapter: [adapter, "object"], fn: [fn, "function"] });
  checkArguments("runInTransaction", { capabilities: [adapter.capabilities, "object"] });
  if (adapter.capabilities.transactions !== "interactive" || typeof adapter.transaction !== "function") {
    throw new UnsupportedCapabilityError(adapter.name, "transactions.interactive");
  }
  return adapter.transaction(fn);
}
