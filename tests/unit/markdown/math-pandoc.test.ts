/**
 * Pandoc is the reference for `$…$` and `$$…$$` (its `tex_math_dollars`):
 * every case of the corpus (`pandoc-math-inputs.ts`), as pandoc classified it
 * (`tests/fixtures/markdown/pandoc-math/cases.json`), must give the same math
 * with our markdown-it, except the deliberate differences listed here.
 * Regenerate the fixture (pandoc installed) with
 * `UPDATE_FIXTURES=1 npx vitest run tests/unit/markdown/math-pandoc.test.ts`.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { MarkdownIt, Token } from "markdown-it";
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../../src/markdown/create-markdown.js";
import { bodyMarkdown } from "../../../src/render/create-renderer.js";
import { pandocMathInputs } from "./pandoc-math-inputs.js";

type Kind = "inline" | "display";
type Span = [Kind, string];

interface Case {
  group: string;
  markdown: string;
  /** The math pandoc found, in document order, its TeX with runs of whitespace as one space. */
  math: Span[];
}

interface Fixture {
  note: string;
  pandoc: string;
  command: string;
  cases: Case[];
}

const FIXTURE = fileURLToPath(
  new URL("../../fixtures/markdown/pandoc-math/cases.json", import.meta.url),
);
const PANDOC_ARGS = ["-f", "markdown", "-t", "json"];

/** Pandoc and we both treat whitespace in TeX as insignificant: compare it as one space. */
const normal = (tex: string) => tex.replace(/\s+/g, " ").trim();

/**
 * Where we read the Markdown differently from Pandoc on purpose, by reason:
 * the math we find instead, case by case.
 */
const DIFFERENCES: { why: string; cases: Record<string, Span[]> }[] = [
  {
    why: "In $$…$$ a backslash escapes the next character, so that \\$ (a dollar sign in TeX) does not close the formula. Pandoc closes at the $$ of \\$$: the formula ends with a lone backslash, a TeX error, and a $ is left over.",
    cases: {
      "a $$\\$$$ b": [["display", "\\$"]],
      "x $$.\n2\\$$$.}": [["display", ". 2\\$"]],
      "x $$x\\text{\\$$$\\$\\\\": [["display", "x\\text{\\$"]],
      // No $$ closes once \\$ is a pair: the inline reading of the same text applies.
      "x 2$$\\text{\n`x\\$$": [["inline", "\\text{ `x\\$"]],
    },
  },
  {
    why: "A line that starts with $$ opens display math; with no closing $$ before a blank line it is the error math-unclosed, shown as written. Pandoc falls back to inline math ($$x$ is the formula x after a literal $).",
    cases: { $$x$: [], $$a$: [], $$1$: [] },
  },
];
const OURS = new Map(DIFFERENCES.flatMap((d) => Object.entries(d.cases)));

async function pandocMath(markdown: string): Promise<Span[]> {
  const run = promisify(execFile);
  const child = run("pandoc", PANDOC_ARGS, { maxBuffer: 1 << 24 });
  child.child.stdin?.end(markdown);
  const { stdout } = await child;
  const math: Span[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const { t, c } = node as { t?: string; c?: unknown };
      if (t === "Math" && Array.isArray(c)) {
        const [kind, tex] = c as [{ t: string }, string];
        math.push([kind.t === "DisplayMath" ? "display" : "inline", normal(tex)]);
      } else walk(c);
    }
  };
  walk((JSON.parse(stdout) as { blocks: unknown }).blocks);
  return math;
}

/** Runs pandoc on every input (two at a time) and writes the fixture. */
async function regenerate(): Promise<void> {
  const version = execFileSync("pandoc", ["--version"], { encoding: "utf8" }).split("\n")[0]!;
  const inputs = pandocMathInputs();
  const cases: Case[] = new Array<Case>(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      const input = inputs[index]!;
      cases[index] = { ...input, math: await pandocMath(input.markdown) };
    }
  };
  await Promise.all([worker(), worker()]);
  const fixture: Fixture = {
    note: "Produced by pandoc, not by hand: the math (type and TeX, whitespace runs as one space) that pandoc finds in each case. Regenerate with UPDATE_FIXTURES=1 npx vitest run tests/unit/markdown/math-pandoc.test.ts",
    pandoc: version,
    command: `pandoc ${PANDOC_ARGS.join(" ")}`,
    cases,
  };
  mkdirSync(dirname(FIXTURE), { recursive: true });
  // One case a line, so that a regeneration's diff shows the cases pandoc reads differently.
  const { cases: all, ...header } = fixture;
  const head = JSON.stringify(header, null, 2).slice(0, -2);
  const lines = all.map((c) => `    ${JSON.stringify(c)}`).join(",\n");
  writeFileSync(FIXTURE, `${head},\n  "cases": [\n${lines}\n  ]\n}\n`);
}

if (process.env.UPDATE_FIXTURES === "1") await regenerate();
const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as Fixture;

/** The math our markdown-it finds, in document order (an image's description included). */
function ourMath(md: MarkdownIt, markdown: string): Span[] {
  const math: Span[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === "math_inline")
        math.push([token.markup === "$$" ? "display" : "inline", normal(token.content)]);
      else if (token.type === "math_block" && !token.meta?.syllabusUnclosed)
        math.push(["display", normal(token.content)]);
      if (token.children) walk(token.children);
    }
  };
  walk(md.parse(markdown, {}));
  return math;
}

const groups = [...new Set(fixture.cases.map((c) => c.group))];
const markdowns: [string, MarkdownIt][] = [
  ["the configured markdown-it", createMarkdown()],
  ["the body markdown-it, with shortcodes", bodyMarkdown()],
];

describe(`math as ${fixture.pandoc} reads it (tex_math_dollars)`, () => {
  it("has pandoc's reading of every input of the corpus", () => {
    expect(fixture.cases.map((c) => c.markdown)).toEqual(
      pandocMathInputs().map((input) => input.markdown),
    );
    expect(fixture.cases.length).toBeGreaterThan(300);
  });

  for (const [name, md] of markdowns) {
    describe(name, () => {
      for (const group of groups) {
        it(`finds Pandoc's math: ${group}`, () => {
          const cases = fixture.cases.filter((c) => c.group === group);
          const expected = cases.map((c) => ({
            markdown: c.markdown,
            math: OURS.get(c.markdown) ?? c.math,
          }));
          expect(
            cases.map((c) => ({ markdown: c.markdown, math: ourMath(md, c.markdown) })),
          ).toEqual(expected);
        });
      }
    });
  }

  it("lists only differences that are real: each case is in the corpus and pandoc reads it otherwise", () => {
    for (const [markdown, ours] of OURS) {
      const found = fixture.cases.find((c) => c.markdown === markdown);
      expect(found, markdown).toBeDefined();
      expect(found?.math, markdown).not.toEqual(ours);
    }
  });
});
