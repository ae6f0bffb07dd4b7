/**
 * The site deployed under a sub-path, served from a sub-folder by a static
 * server, works fully in Chromium: navigation, search, graph, fonts, under its
 * Content-Security-Policy, with no failed request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startSite, type TestSite } from "./site.js";

let site: TestSite;
beforeAll(async () => {
  site = await startSite({ pathPrefix: "/course/" });
});
afterAll(async () => {
  await site?.close();
});

/** Failed requests and Content-Security-Policy violations seen by a page. */
function watch(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`error: ${e.message}`));
  return { problems };
}

describe("under the path prefix /course/", () => {
  it("navigates from the home page to an article and along the learning order", async () => {
    const { context, page } = await site.open(1400);
    const { problems } = watch(page);
    await page.goto(site.url);
    expect(page.url()).toMatch(/\/course\/$/);
    await page.locator(".hero-actions .button").first().click();
    await page.waitForURL(/\/course\/topics\/what-is-mech-interp\/$/);
    await page.locator(".pager-next").click();
    await page.waitForURL(/\/course\/topics\/residual-stream\/$/);
    await page.locator('.breadcrumbs a[href="/course/"]').click();
    await page.waitForURL(/\/course\/$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("loads the body, interface and KaTeX fonts from the site", async () => {
    const { context, page } = await site.open(1400);
    const { problems } = watch(page);
    await page.goto(site.url + "topics/superposition/", { waitUntil: "networkidle" });
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts]
        .filter((f) => f.status === "loaded")
        .map((f) => f.family.replace(/"/g, ""));
    });
    expect(fonts).toContain("Source Serif 4");
    expect(fonts.some((f) => f.startsWith("KaTeX"))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("searches, and links results under the prefix", async () => {
    const { context, page } = await site.open(1400);
    const { problems } = watch(page);
    await page.goto(site.url + "search/?q=induction");
    const first = page.locator(".search-result-title a").first();
    await expect
      .poll(() => first.getAttribute("href"), { timeout: 15_000 })
      .toMatch(/^\/course\/topics\//);
    await first.click();
    await page.waitForURL(/\/course\/topics\/[\w-]+\//);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("draws the graph with links to articles under the prefix, and focuses the named article", async () => {
    const { context, page } = await site.open(1400);
    const { problems } = watch(page);
    await page.goto(site.url + "graph/#node-superposition");
    const node = page.locator("#node-superposition");
    expect(await node.getAttribute("href")).toBe("/course/topics/superposition/");
    expect(await node.isVisible()).toBe(true);
    await node.click();
    await page.waitForURL(/\/course\/topics\/superposition\/$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("reads the course's graph.json under the prefix for progress and Ready next", async () => {
    const { context, page } = await site.open(1400);
    const { problems } = watch(page);
    const graphJson = page.waitForResponse((r) => r.url().endsWith("/graph.json"));
    await page.goto(site.url + "topics/what-is-mech-interp/");
    await page.locator(".article-meta .mark-read").click();
    await page.goto(site.url);
    expect(new URL((await graphJson).url()).pathname).toBe("/course/graph.json");
    await expect
      .poll(() => page.locator(".ready-next li a").first().getAttribute("href"))
      .toBe("/course/topics/residual-stream/");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows the 404 page with a working search box for a missing URL", async () => {
    const { context, page } = await site.open(375);
    await page.goto(site.url + "topics/no-such-article/");
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    await page.locator("#not-found-query").fill("superposition");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/course\/search\/\?q=superposition/);
    await context.close();
  });
});
