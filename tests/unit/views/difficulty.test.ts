/** The difficulties as templates receive them: one list (DIFFICULTIES), easiest first. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_UI_STRINGS } from "../../../src/core/ui-strings.js";
import { DIFFICULTIES } from "../../../src/schema/frontmatter.js";
import { difficultyView, difficultyViews } from "../../../src/views/article-link.js";

describe("difficultyViews", () => {
  it("lists every difficulty in order, with its label and level", () => {
    expect(difficultyViews(DEFAULT_UI_STRINGS)).toStrictEqual([
      { key: "introductory", label: "Introductory", level: 1, dots: [true, false, false] },
      { key: "intermediate", label: "Intermediate", level: 2, dots: [true, true, false] },
      { key: "advanced", label: "Advanced", level: 3, dots: [true, true, true] },
    ]);
  });

  it("labels a difficulty in the course's words", () => {
    expect(difficultyView("advanced", { ...DEFAULT_UI_STRINGS, advanced: "Avancé" })?.label).toBe(
      "Avancé",
    );
    expect(difficultyView(undefined, DEFAULT_UI_STRINGS)).toBeUndefined();
  });
});

// The filter on /topics/ works without JavaScript, so the stylesheet needs a rule per difficulty:
// it cannot loop over DIFFICULTIES, so this holds it to them.
describe("the difficulty filter's stylesheet", () => {
  const css = readFileSync(
    path.resolve(import.meta.dirname, "../../../src/styles/home.css"),
    "utf8",
  );
  const filtered = (scope: string) =>
    [...css.matchAll(new RegExp(`#filter-([a-z]+):checked\\) \\.${scope}:not`, "g"))].map(
      (m) => m[1],
    );

  it("hides the articles and the blocks of every other difficulty, for each difficulty", () => {
    expect(filtered("topic")).toStrictEqual([...DIFFICULTIES]);
    expect(filtered("block")).toStrictEqual([...DIFFICULTIES]);
  });
});
