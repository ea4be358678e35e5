/**
 * The sample office: the IT project management office of Northwind Logistics (about 2,000 staff, EUR), as wire
 * records from `examples/data/<kind>.json`. Tests, the demo and the benchmarks load it from here; applications load
 * the same data from `pmokit/office`, which bundles it. See `examples/data/README.md` for what is in it and the story
 * of each project; `examples/data/build-office.ts` regenerates the files.
 *
 * @module
 */
export { loadSampleOffice, sampleOfficeRecords, SAMPLE_KINDS, SAMPLE_STATUS_DATE } from "../src/office/index.js";
