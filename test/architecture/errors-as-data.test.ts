import * as kpi from "../../src/kpi/index.js";
import * as prioritization from "../../src/prioritization/index.js";
import * as rollout from "../../src/rollout/index.js";
import { holdsErrorsAsData } from "./errors-as-data-property.js";

/*
 * Issue 12 #8, beyond core (core has its own, in test/core/errors-as-data.test.ts; the other layers are in
 * errors-as-data-guards-a/-b): every exported function of these calculator layers, fed wrong-typed arguments, throws
 * only pmokit errors (or returns).
 */
holdsErrorsAsData("issue 12 #8: only pmokit errors escape calculator exports", { kpi, prioritization, rollout }, {
  minimum: { kpi: 5, prioritization: 5, rollout: 5 },
});
