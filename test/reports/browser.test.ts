import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { analyzeOffice } from "../../src/cli/office.js";
import { officeReport } from "../../src/cli/office-report.js";
import { analyzeOfficeRisk, OFFICE_RISK_RUN } from "../../src/cli/risk.js";
import { analyzeOfficeSchedule, earnedScheduleFinishes } from "../../src/cli/schedule.js";
import { importDataset } from "../../src/io/index.js";
import { renderHtmlReport } from "../../src/reports/index.js";
import { hostileReport } from "./fixtures.js";

// The HTML report as people see it: Debian's chromium, driven by playwright-core (`.ci/run` installs it). Without
// it the suite reports itself by name; in CI (CI set) it always runs, so a missing browser fails loudly.
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = resolve(__dirname, "../../test-artifacts");

// These functions run in the page; the project compiles without the DOM library, so they reach it via globalThis.
interface PageGlobals {
  __pwned?: unknown;
  getComputedStyle(el: unknown): { backgroundColor: string };
  document: { body: { insertAdjacentHTML(where: string, html: string): void } };
}

/** What {@link MEASURE} reports about the page as laid out. */
interface LayoutFacts {
  scrollWidth: number;
  htmlTexts: number;
  svgTexts: number;
  charts: number;
  minSvgText: number;
  framesScrolling: number;
  small: string[];
}

// Runs in the page (as a string: the project compiles without the DOM library). Every rendered text node is measured:
// its computed font size, times the scale its SVG is drawn at on screen (getScreenCTM, rotation-free via the
// determinant), so a chart shrunk to the column is judged by the size the reader sees.
const MEASURE = `(() => {
  const small = [];
  let htmlTexts = 0, svgTexts = 0, minSvgText = Infinity;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el || !el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    if (range.getClientRects().length === 0) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    if (el.closest("svg")) {
      const m = el.getScreenCTM();
      size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      svgTexts++;
      minSvgText = Math.min(minSvgText, size);
    } else htmlTexts++;
    if (size < 9) small.push(el.tagName + " " + size.toFixed(2) + "px: " + n.textContent.trim().slice(0, 40));
  }
  const frames = [...document.querySelectorAll(".table-frame, .chart-frame")].filter((f) => f.scrollWidth > f.clientWidth + 1);
  return {
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    htmlTexts, svgTexts, minSvgText, small: small.slice(0, 20),
    charts: [...document.querySelectorAll("figure.chart svg")].filter((s) => s.checkVisibility()).length,
    framesScrolling: frames.length,
  };
})()`;
const UNFOLD_ALL = `document.querySelectorAll("details").forEach((d) => { d.open = true; })`;

if (existsSync(CHROMIUM) || process.env["CI"]) {
  describe("HTML report in headless Chromium", { timeout: 60_000 }, () => {
    let browser: Browser;
    let dir: string;
    let url: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "pmokit-report-"));
      const file = join(dir, "index.html");
      writeFileSync(file, renderHtmlReport(hostileReport()));
      url = pathToFileURL(file).href;
      // launch() gives the browser a fresh temporary profile (user-data dir) and deletes it on close.
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      });
    });

    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("renders with no console error, no request beyond the file, no script run, every chart visible", async () => {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(url, { waitUntil: "load" });

      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      // Hostile text tried to set window.__pwned through <script>, onload, onerror and onmouseover.
      expect(await page.evaluate(() => typeof (globalThis as unknown as PageGlobals).__pwned)).toBe("undefined");
      expect(await page.locator("script, img, iframe, object, embed").count()).toBe(0);
      expect(await page.title()).toContain("<script>window.__pwned = 1</script>");

      const charts = page.locator("figure.chart svg");
      expect(await charts.count()).toBe(5);
      for (let i = 0; i < 5; i++) {
        const chart = charts.nth(i);
        expect(await chart.isVisible()).toBe(true);
        const box = await chart.boundingBox();
        expect(box?.width).toBeGreaterThan(300);
        expect(box?.height).toBeGreaterThan(150);
        expect(await chart.locator("path, rect, circle").count()).toBeGreaterThan(5);
      }

      // The stylesheet passed the CSP by its hash: chips have their colours and carry their words.
      const red = page.locator(".rag-red").first();
      expect(await red.evaluate((el) => (globalThis as unknown as PageGlobals).getComputedStyle(el).backgroundColor)).toBe("rgb(248, 208, 204)");
      expect(await red.innerText()).toContain("Red");

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "report.png"), fullPage: true });
      expect(existsSync(join(ARTIFACTS, "report.png"))).toBe(true);
      await page.close();
    });

    it("blocks script by policy too: an inline handler injected into the page does not run", async () => {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") violations.push(m.text());
      });
      await page.goto(url, { waitUntil: "load" });
      // Simulate an escaping bug: put live markup into the document. The CSP (no script-src) must still stop it.
      await page.evaluate(() => {
        (globalThis as unknown as PageGlobals).document.body.insertAdjacentHTML("beforeend", '<img src="data:," onerror="window.__pwned = 7"><svg onload="window.__pwned = 8"></svg>');
      });
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => typeof (globalThis as unknown as PageGlobals).__pwned)).toBe("undefined");
      expect(violations.some((v) => v.includes("Content Security Policy"))).toBe(true);
      await page.close();
    });
  });

  describe("the demo office's report laid out at 1400 and 390 px in headless Chromium", { timeout: 120_000 }, () => {
    let browser: Browser;
    let dir: string;
    let url: string;

    beforeAll(async () => {
      // The report `npm run demo` writes: the sample office with its schedules and seeded schedule risk.
      const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
      const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });
      const schedule = analyzeOfficeSchedule(records, office.statusDate, undefined, earnedScheduleFinishes(office));
      const risks = analyzeOfficeRisk(records, { statusDate: office.statusDate, ...OFFICE_RISK_RUN });
      dir = mkdtempSync(join(tmpdir(), "pmokit-layout-"));
      const file = join(dir, "index.html");
      writeFileSync(file, renderHtmlReport(officeReport(office, schedule, risks)));
      url = pathToFileURL(file).href;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      });
    });

    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function open(width: number): Promise<Page> {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
      });
      await page.goto(url, { waitUntil: "load" });
      expect(errors).toEqual([]);
      return page;
    }

    const unfoldAll = (page: Page) => page.evaluate(UNFOLD_ALL);

    it.each([1400, 390])("at %i px: the page never scrolls sideways and no text renders under 9 px, folded or unfolded", async (width) => {
      const page = await open(width);
      const folded = await page.evaluate<LayoutFacts>(MEASURE);
      expect(folded.scrollWidth).toBeLessThanOrEqual(width);
      expect(folded.small).toEqual([]);
      // Folded, only the summary and the section headings show: a few hundred texts, no chart text.
      expect(folded.svgTexts).toBe(0);
      expect(folded.htmlTexts).toBeGreaterThan(50);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `layout-${width}-top.png`) });

      await unfoldAll(page);
      const unfolded = await page.evaluate<LayoutFacts>(MEASURE);
      expect(unfolded.scrollWidth).toBeLessThanOrEqual(width);
      expect(unfolded.small).toEqual([]);
      // Every chart's text was measured and kept ≥ 9 px: the demo draws 24 charts (value-cost bubbles, 4 S-curves, the
      // coverage heat map, the readiness burn-down, 4 Gantts, 7 resource histograms, 3 finish distributions, 3 tornados).
      expect(unfolded.charts).toBe(24);
      // 547 chart texts (axis ticks, legends, bar labels); before the frames every one of them rendered under 9 px at 390 px.
      expect(unfolded.svgTexts).toBeGreaterThan(500);
      expect(unfolded.minSvgText).toBeGreaterThanOrEqual(9);
      // Wide tables and charts scroll inside their frames instead (the intake table is wider than either column).
      expect(unfolded.framesScrolling).toBeGreaterThan(0);
      // The widest table (intake), scrolled to: it scrolls in its frame, the page does not.
      await page.locator("#section-2").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `layout-${width}-intake.png`) });
      await page.close();
    });

    it("at 1400 px the executive summary — RAG counts, decisions, gate outcomes, KPIs out of target — fits the first screen", async () => {
      const page = await open(1400);
      const bottoms = await page.evaluate<number[]>(`[...document.querySelectorAll("section.summary dl, section.summary .table-frame")].map((e) => e.getBoundingClientRect().bottom)`);
      expect(bottoms).toHaveLength(4); // the figures, then the decisions, gates and KPI tables
      expect(Math.max(...bottoms)).toBeLessThanOrEqual(900);
      for (const caption of ["Needs a decision", "Gate outcomes", "KPIs out of target"]) expect(await page.locator("section.summary caption", { hasText: caption }).isVisible()).toBe(true);
      await page.close();
    });

    it("prints every folded section unfolded", async () => {
      const page = await open(1400);
      const intakeTable = page.locator("#section-2 table").first();
      expect(await intakeTable.isVisible()).toBe(false); // folded on screen
      await page.emulateMedia({ media: "print" });
      expect(await intakeTable.isVisible()).toBe(true);
      expect((await intakeTable.boundingBox())?.height).toBeGreaterThan(100);
      await page.close();
    });
  });
} else {
  describe("HTML report in headless Chromium (skipped: /usr/bin/chromium is not installed and CI is not set)", () => {
    it("finds no Chromium", () => {
      expect(existsSync(CHROMIUM)).toBe(false);
    });
  });
}
