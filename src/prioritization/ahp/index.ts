export type { PairwiseMatrix } from "./matrix.js";
export { randomIndex, type RiTable, type RiTableName } from "./ri-tables.js";
export { ahpWeights, type AhpMethod, type AhpOptions, type AhpResult } from "./weights.js";
export { completePairwiseMatrix } from "./complete.js";
export { aggregatePairwiseMatrices } from "./aggregate.js";
export { suggestJudgementRevision, type JudgementRevision, type RevisionAdvice } from "./revise.js";
export { ahpHierarchy, type AhpHierarchy, type AhpHierarchyOptions, type AhpHierarchyResult, type AhpNode, type AhpNodeResult } from "./hierarchy.js";
