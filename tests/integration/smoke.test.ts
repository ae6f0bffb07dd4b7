import { describe, expect, it } from "vitest";
import { buildFixture } from "./harness.js";

describe("a minimal course", () => {
  it("builds an article page with its title, sidenote and prerequisite", async () => {
    const site = await buildFixture("core/minimal");
    expect(site.messages).toEqual([]);
    expect(site.ok).toBe(true);
    const page = site.page("/topics/second/");
    expect(page.querySelector("h1")?.textContent).toBe("Second Article");
    const prerequisite = page.querySelector(".prerequisite-list a");
    expect(prerequisite?.getAttribute("href")).toBe("/topics/first/");
    expect(prerequisite?.textContent).toBe("First Article");
    const first = site.page("/topics/first/");
    expect(first.querySelectorAll(".sidenote")).toHaveLength(1);
    expect(first.querySelector(".sidenote em")?.textContent).toBe("note");
    expect(first.querySelector(".sidenote .katex")).not.toBeNull();
  });
});
