import { createMemoryAdapter } from "../../src/index.js";
import { workflowReliability } from "./reliability.js";

workflowReliability("memory adapter", async () => ({ adapter: createMemoryAdapter(), close: async () => {} }));
