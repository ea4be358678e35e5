import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// In CI (.ci/run sets PMOKIT_TEST_REPORT) a JSON report is written too, for the closing "N passed, N failed" line.
const report = process.env["PMOKIT_TEST_REPORT"];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Timeouts are not assertions here: property tests, PGlite start-up and the guides' runnable examples take
    // seconds on a busy 2-core machine. Speed is measured in `npm run bench`, never by a test's clock.
    testTimeout: 60_000,
    // Test files share their worker's module cache (isolate: false): importing the library anew for each of 300
    // files cost more than the tests themselves (import 58 s vs tests 22 s on the core suites). Tests that mock a
    // global restore it. One worker per core, not vitest's default of cores − 1: on a 2-core CI machine that default
    // is one worker, and many tests wait on soffice, Chromium or a database rather than on the CPU.
    isolate: false,
    maxWorkers: Math.max(2, availableParallelism()),
    hookTimeout: 60_000,
    reporters: report ? ["default", "json"] : ["default"],
    ...(report ? { outputFile: { json: report } } : {}),
  },
});
