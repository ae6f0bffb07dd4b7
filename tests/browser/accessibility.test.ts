/** axe-core on the main page types, in light and dark themes, at both widths. */
import { AxeBuilder } from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, type TestSite } from "./site.js";

let site: TestSite;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const PAGES = [
  "",
  "topics/superposition/",
  "graph/",
  "glossary/",
  "search/?q=attention",
  "topics/",
  "references/",
];

describe.each([
  { width: 1400, scheme: "light" as const },
  { width: 1400, scheme: "dark" as const },
  { width: 375, scheme: "light" as const },
  { width: 375, scheme: "dark" as const },
])("at $width px, $scheme theme", ({ width, scheme }) => {
  it("has no axe violations on the home, article, graph, glossary, search, topics and references pages", async () => {
    const { context, page } = await site.open(width, { colorScheme: scheme });
    const violations: string[] = [];
    for (const path of PAGES) {
      await page.goto(site.url + path, { waitUntil: "networkidle" });
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
        .analyze();
      for (const v of results.violations) {
        violations.push(
          `/${path} ${v.id}: ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(" | ")}`,
        );
      }
    }
    expect(violations).toEqual([]);
    await context.close();
  });
});
