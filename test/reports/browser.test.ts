import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

      const charts = page.locator("figure.chart > svg");
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
} else {
  describe("HTML report in headless Chromium (skipped: /usr/bin/chromium is not installed and CI is not set)", () => {
    it("finds no Chromium", () => {
      expect(existsSync(CHROMIUM)).toBe(false);
    });
  });
}
