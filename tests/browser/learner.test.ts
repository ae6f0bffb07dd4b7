/**
 * The learner's experience in a real browser (Debian's Chromium), on the
 * built sample course: narrow and wide screens, keyboard, no JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, type TestSite } from "./site.js";

let site: TestSite;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const ARTICLE = "topics/superposition/";

describe("on a narrow screen (375 px)", () => {
  it("opens a sidenote from the keyboard, without JavaScript", async () => {
    const { context, page } = await site.open(375, { javaScriptEnabled: false });
    await page.goto(site.url + ARTICLE);
    const note = page.locator(".sidenote").first();
    await expect.poll(() => note.isVisible()).toBe(false);
    await page.locator("#sidenote-1").focus();
    await page.keyboard.press("Space");
    await expect.poll(() => note.isVisible()).toBe(true);
    await page.keyboard.press("Space");
    await expect.poll(() => note.isVisible()).toBe(false);
    await context.close();
  });

  it("opens the sidebar drawer from the keyboard and lists the current article", async () => {
    const { context, page } = await site.open(375, { javaScriptEnabled: false });
    await page.goto(site.url + ARTICLE);
    const sidebar = page.locator("#course-nav");
    expect(await sidebar.isVisible()).toBe(false);
    await page.locator("#sidebar-toggle").focus();
    await page.keyboard.press("Space");
    expect(await sidebar.isVisible()).toBe(true);
    expect(await sidebar.locator('[aria-current="page"]').textContent()).toBe("Superposition");
    await context.close();
  });

  it("shows a citation preview inside the viewport when the citation has focus", async () => {
    const { context, page } = await site.open(375);
    await page.goto(site.url + ARTICLE);
    const item = page.locator(".cite-item").first();
    await item.locator(".cite-link").focus();
    const card = item.locator(".cite-card");
    await expect.poll(() => card.isVisible()).toBe(true);
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await card.textContent()).toContain("Zoom In");
    await context.close();
  });
});

describe("on a wide screen (1400 px)", () => {
  it("sets sidenotes in the margin, beside the text and not overlapping", async () => {
    const { context, page } = await site.open(1400);
    await page.goto(site.url + ARTICLE);
    const body = (await page.locator(".article-body > p").first().boundingBox())!;
    const notes = await page.locator(".sidenote, .marginnote").evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, bottom: r.bottom };
      }),
    );
    expect(notes.length).toBeGreaterThan(1);
    for (const note of notes) expect(note.left).toBeGreaterThan(body.x + body.width);
    const sorted = [...notes].sort((a, b) => a.top - b.top);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.top).toBeGreaterThanOrEqual(sorted[i - 1]!.bottom - 1);
    await context.close();
  });

  it("opens a pause-and-think prompt from the keyboard", async () => {
    const { context, page } = await site.open(1400);
    await page.goto(site.url + ARTICLE);
    const details = page.locator("details.pause-and-think").first();
    expect(await details.getAttribute("open")).toBeNull();
    await details.locator("summary").focus();
    await page.keyboard.press("Enter");
    expect(await details.getAttribute("open")).not.toBeNull();
    await context.close();
  });

  it("shows a citation preview on hover, which stays open on the card", async () => {
    const { context, page } = await site.open(1400);
    await page.goto(site.url + ARTICLE);
    const item = page.locator(".cite-item").first();
    const card = item.locator(".cite-card");
    await item.locator(".cite-link").hover();
    await expect.poll(() => card.isVisible()).toBe(true);
    const box = (await card.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    expect(await card.isVisible()).toBe(true);
    expect(box.x + box.width).toBeLessThanOrEqual(1400);
    await context.close();
  });

  it("finds a known article with search, and filters by difficulty", async () => {
    const { context, page } = await site.open(1400);
    await page.goto(site.url);
    await page.locator("#site-search-query").fill("superposition");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=superposition/);
    const titles = page.locator(".search-result-title a");
    await expect.poll(() => titles.allTextContents()).toContain("Superposition");
    await page.locator('select[name="difficulty"]').selectOption("Advanced");
    await expect
      .poll(async () =>
        (await page.locator(".search-result-meta").allTextContents()).every((t) =>
          t.includes("Advanced"),
        ),
      )
      .toBe(true);
    await context.close();
  });

  it("switches to dark mode and remembers it", async () => {
    const { context, page } = await site.open(1400, { colorScheme: "light" });
    await page.goto(site.url);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.locator(".theme-toggle").click();
    expect(await page.locator("html").getAttribute("data-theme")).toBe("dark");
    expect(await background()).not.toBe(light);
    await page.reload();
    expect(await page.locator("html").getAttribute("data-theme")).toBe("dark");
    expect(await background()).not.toBe(light);
    await context.close();
  });

  it("keeps reading progress across a reload and shows it on the graph and the home page", async () => {
    const { context, page } = await site.open(1400);
    await page.goto(site.url + "topics/what-is-mech-interp/");
    const button = page.locator(".article-meta .mark-read");
    await button.click();
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    await page.reload();
    expect(await page.locator(".article-meta .mark-read").getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(
      await page.locator('#course-nav a[data-slug="what-is-mech-interp"]').getAttribute("class"),
    ).toContain("is-read");

    await page.goto(site.url + "graph/");
    await expect
      .poll(() => page.locator("#node-what-is-mech-interp").getAttribute("class"))
      .toContain("is-read");
    // Its dependent is ready now; articles further on are not.
    await expect
      .poll(() => page.locator("#node-residual-stream").getAttribute("class"))
      .toContain("is-ready");
    expect(await page.locator("#node-superposition").getAttribute("class")).toContain("is-locked");

    await page.goto(site.url);
    await expect
      .poll(() => page.locator(".ready-next li a").first().textContent())
      .toBe("The Transformer Residual Stream");
    expect(await page.locator(".progress-count").textContent()).toMatch(/^1 \/ \d+$/);
    await context.close();
  });

  it("shows none of the progress controls without JavaScript", async () => {
    const { context, page } = await site.open(1400, { javaScriptEnabled: false });
    await page.goto(site.url + ARTICLE);
    expect(await page.locator(".mark-read").first().isVisible()).toBe(false);
    await page.goto(site.url);
    expect(await page.locator(".progress-summary").isVisible()).toBe(false);
    expect(await page.locator(".card").count()).toBeGreaterThan(5);
    await context.close();
  });
});
