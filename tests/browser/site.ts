/**
 * The sample course, built once into a temporary folder and served on
 * localhost, with Debian's Chromium, for the browser tests.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { buildSite } from "../../src/eleventy/site.js";
import { launchBrowser } from "./launch.js";
import { serveStatic } from "./serve.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface TestSite {
  url: string;
  browser: Browser;
  /** A fresh context (own storage) at the given width. */
  open(
    width: number,
    options?: BrowserContextOptions,
  ): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startSite(options: { pathPrefix?: string } = {}): Promise<TestSite> {
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "syllabus-browser-")), "_site");
  const result = await buildSite({ root: ROOT, outDir, pathPrefix: options.pathPrefix ?? "/" });
  if (!result.ok)
    throw new Error(
      `The sample course did not build:\n${result.diagnostics.map((d) => d.message).join("\n")}`,
    );
  const server = await serveStatic(outDir, options.pathPrefix ?? "/");
  const browser = await launchBrowser();
  return {
    url: server.url,
    browser,
    async open(width, contextOptions = {}) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        ...contextOptions,
      });
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(path.dirname(outDir), { recursive: true, force: true });
    },
  };
}
