import { checkArguments, checkOptionKeys } from "../../core/index.js";
import type { AgileEvmResult } from "../../variance/index.js";
import { burnUpChart, type BurnUpInput } from "../charts/burn-up.js";
import type { ReportBlock, ReportSection } from "../report.js";
import { cents, chartFile, fixed, percent } from "./shared.js";

/** What an agile release section shows. */
export interface ReleaseSectionInput {
  /** Release name (the heading, and the chart file name). */
  readonly name: string;
  /** `agileEarnedValue` result. */
  readonly evm: AgileEvmResult;
  /** Burn-up data (scope, completed, forecast range); the title defaults to "<name> — burn-up". */
  readonly burnUp?: Omit<BurnUpInput, "title"> & { readonly title?: string };
}

/**
 * An agile release section: the AgileEVM figures with their derivation (sprints finished of planned, points done
 * of scope) and the burn-up chart with its forecast range.
 *
 * @example
 * ```ts
 * releaseSection({ name: "CRM release 1", evm: agileEarnedValue(input, { statusDate: "2026-10-23" }), burnUp: { scope, completed, forecast } });
 * ```
 */
export function releaseSection(input: ReleaseSectionInput): ReportSection {
  checkArguments("releaseSection", { input: [input, "object"] });
  checkOptionKeys("releaseSection", input, { name: 1, evm: 1, burnUp: 1 } satisfies Record<keyof ReleaseSectionInput, 1>, ["input"]);
  checkOptionKeys("releaseSection", input.burnUp, { title: 1, description: 1, scope: 1, completed: 1, forecast: 1, statusDate: 1, width: 1, height: 1 } satisfies Record<keyof NonNullable<ReleaseSectionInput["burnUp"]>, 1>, ["input", "burnUp"]);
  checkArguments("releaseSection", { "input.evm": [input.evm, "object"] });
  const { evm } = input;
  const f = evm.figures;
  const blocks: ReportBlock[] = [
    {
      kind: "paragraph",
      text: `AgileEVM as of ${evm.statusDate}: ${evm.completedSprints} of ${evm.plannedSprints} planned sprints finished (PV), ${evm.completedPoints.toFixed()} of ${evm.totalPoints.toFixed()} story points done (EV).`,
    },
    {
      kind: "figures",
      items: [
        { label: "Budget at completion (BAC)", value: cents(f.bac) }, { label: "Planned value (PV)", value: cents(f.pv) },
        { label: "Earned value (EV)", value: cents(f.ev) }, { label: "Actual cost (AC)", value: cents(f.ac) },
        { label: "Schedule variance (SV)", value: cents(f.sv) }, { label: "Cost variance (CV)", value: cents(f.cv) },
        { label: "Schedule performance index (SPI)", value: fixed(f.spi, 2) }, { label: "Cost performance index (CPI)", value: fixed(f.cpi, 2) },
        { label: "Planned complete", value: percent(f.plannedPercentComplete, 1) }, { label: "Complete", value: percent(f.percentComplete, 1) },
        { label: "Estimate at completion (EAC = BAC / CPI)", value: cents(f.eac) }, { label: "Estimate to complete (ETC)", value: cents(f.etc) },
        { label: "Variance at completion (VAC)", value: cents(f.vac) }, { label: "Forecast sprints", value: fixed(f.forecastSprints, 2) },
      ],
    },
  ];
  if (input.burnUp !== undefined) {
    blocks.push({ kind: "chart", svg: burnUpChart({ ...input.burnUp, title: input.burnUp.title ?? `${input.name} — burn-up` }), caption: `${input.name}: scope, completed points and forecast range`, file: chartFile("burn-up", input.name) });
  }
  return { heading: input.name, blocks };
}
