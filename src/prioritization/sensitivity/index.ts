export { weightIntervals, type WeightInterval, type RankReversal } from "./weight-intervals.js";
export { rankingRobustness, type RobustnessOptions, type RobustnessLabel, type WeightPerturbation } from "./robustness.js";
