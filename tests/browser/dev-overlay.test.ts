/**
 * The dev server's error overlay as an author sees it in Chromium: at the
 * top of the page, readable and accessible in both themes and at both widths,
 * and gone on its own (the page reloads) once the mistake is fixed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer, type DevServer } from "../../src/eleventy/site.js";
import { freePort } from "../support/free-port.js";
import { launchBrowser } from "./launch.js";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/core/minimal");

let root: string;
let server: DevServer;
let browser: Browser;
let url: string;
let built: (() => void) | undefined;
const nextBuild = () => new Promise<void>((resolve) => (built = resolve));
let file: string;
let original: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "syllabus-overlay-"));
  cpSync(FIXTURE, root, { recursive: true });
  file = path.join(root, "content/topics/second.md");
  original = readFileSync(file, "utf8");
  writeFileSync(file, `${original}\nA typo {% sidenot "x" %} here, and $\\frac{1}$ too.\n`);
  const port = await freePort();
  const first = nextBuild();
  server = await startDevServer({ root, port, report: () => undefined, onBuilt: () => built?.() });
  await first;
  url = `http://localhost:${port}/topics/second/`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe("the dev server's error overlay", () => {
  it.each([
    { width: 1400, scheme: "light" as const },
    { width: 375, scheme: "dark" as const },
  ])(
    "stands at the top of the page, listing each problem, with no axe violations at $width px, $scheme",
    async ({ width, scheme }) => {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        colorScheme: scheme,
      });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: "networkidle" });
      const overlay = page.locator(".build-problems[role=alert]");
      await expect.poll(() => overlay.isVisible()).toBe(true);
      const box = await overlay.boundingBox();
      expect(box?.y).toBeLessThan(80);
      expect(box?.width).toBeGreaterThan(width * 0.8);
      const items = await overlay.locator("li").allTextContents();
      expect(items.some((t) => t.includes('Unknown shortcode "sidenot"'))).toBe(true);
      expect(items.some((t) => t.includes("TeX error"))).toBe(true);
      expect(items.every((t) => t.includes("content/topics/second.md:"))).toBe(true);
      const results = await new AxeBuilder({ page })
        .include(".build-problems")
        .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
        .analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
      await page.screenshot({
        path: path.join(tmpdir(), `syllabus-overlay-${width}-${scheme}.png`),
      });
      await context.close();
    },
  );

  it("disappears without a manual reload once the mistake is fixed", async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "networkidle" });
    await expect.poll(() => page.locator(".build-problems").count()).toBe(1);
    const rebuilt = nextBuild();
    writeFileSync(file, original);
    await rebuilt;
    await expect.poll(() => page.locator(".build-problems").count(), { timeout: 15_000 }).toBe(0);
    await context.close();
  });
});
