import { describe, expect, it } from "vitest";
import { StorageError, ValidationError, VersionConflictError, isRetryableStorageError, withRetry } from "../../src/index.js";

const lost = () => new StorageError("storage-connection-lost", true, "test", "connection terminated");
const constraint = () => new StorageError("storage-constraint", false, "test", "check failed");

describe("withRetry", () => {
  it("runs again after retryable storage errors, waiting the backoff between tries", async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async (attempt) => {
        calls++;
        if (attempt < 3) throw lost();
        return `done on ${attempt}`;
      },
      { attempts: 5, sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe("done on 3");
    expect(calls).toBe(3);
    // default backoff 50 · 2^(n−1): 50 after the first failure, 100 after the second
    expect(waits).toEqual([50, 100]);
  });

  it("throws the last retryable error once the attempts are used up", async () => {
    const errors = [lost(), lost()];
    let i = 0;
    await expect(withRetry(async () => { throw errors[i++]; }, { attempts: 2, sleep: async () => {} })).rejects.toBe(errors[1]);
    expect(i).toBe(2);
  });

  it("never retries an error that is not retryable", async () => {
    for (const error of [constraint(), new VersionConflictError("project", "p", 1, 2), new Error("bug")]) {
      let calls = 0;
      await expect(withRetry(async () => { calls++; throw error; }, { sleep: async () => {} })).rejects.toBe(error);
      expect(calls).toBe(1);
    }
  });

  it("takes its own retry rule and backoff", async () => {
    const waits: number[] = [];
    let calls = 0;
    await withRetry(
      async () => {
        if (++calls < 3) throw new VersionConflictError("project", "p", 1, 2);
      },
      { retryOn: (e) => e instanceof VersionConflictError, backoff: (n) => n * 7, sleep: async (ms) => void waits.push(ms) },
    );
    expect(waits).toEqual([7, 14]);
  });

  it("refuses attempts below one", async () => {
    await expect(withRetry(async () => 1, { attempts: 0 })).rejects.toBeInstanceOf(ValidationError);
  });

  it("knows a retryable storage error", () => {
    expect(isRetryableStorageError(lost())).toBe(true);
    expect(isRetryableStorageError(constraint())).toBe(false);
    expect(isRetryableStorageError(new Error("x"))).toBe(false);
  });
});
