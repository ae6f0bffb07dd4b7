/**
 * markdown-it stops at 100 levels of nesting without a word: what is nested
 * deeper is left out (blocks) or shown as text (links and images). Each is
 * a located error.
 */
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/core/diagnostics.js";
import { bodyRenderer } from "../../support/render.js";

const render = bodyRenderer();
const report = (body: string) =>
  render(body).diagnostics.map((d) => formatDiagnostic(d).split("\n")[0]);
const BLOCK =
  "error: Markdown nested deeper than 100 levels: this block and the rest of its container are left out (markdown-nesting)";
const INLINE =
  "error: Markdown nested deeper than 100 levels: from here on, brackets and emphasis are shown as text (markdown-nesting)";

describe("nesting past markdown-it's limit", () => {
  // Regression: the text of a 101st block quote disappeared from the page without a word.
  it("reports a block quote nested too deep at the marker that goes past the limit", () => {
    const { html, diagnostics } = render(`Intro\n\n${">".repeat(101)} deep\n\nAfter.\n`);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `content/topics/a.md:7:101: ${BLOCK}\n  hint: nest fewer block quotes and lists`,
    ]);
    expect(html).not.toContain("deep");
    expect(html).toContain("After.");
  });

  it("reports nothing at 99 levels, where nothing is left out", () => {
    const { html, diagnostics } = render(`${">".repeat(99)} deep\n`);
    expect(diagnostics).toEqual([]);
    expect(html).toContain("deep");
  });

  it("reports a list nested too deep at the item that is left out", () => {
    let list = "";
    for (let i = 0; i < 60; i++) list += `${"  ".repeat(i)}- item ${i}\n`;
    expect(report(`Intro\n\n${list}`)).toEqual([`content/topics/a.md:56:101: ${BLOCK}`]);
  });

  it("reports each place once", () => {
    const deep = `${">".repeat(101)} a\n${">".repeat(101)} b\n`;
    expect(report(deep)).toHaveLength(1);
    expect(report(`${deep}\nText\n\n${deep}`)).toHaveLength(2);
  });

  // Regression: brackets nested past the limit silently stopped being links.
  it("reports brackets nested too deep in a paragraph", () => {
    expect(report(`Intro\n\n${"[".repeat(150)}x${"]".repeat(150)}(a)\n`)).toEqual([
      `content/topics/a.md:7:102: ${INLINE}`,
    ]);
    expect(report(`${"[".repeat(99)}x${"]".repeat(99)}(a)\n`)).toEqual([]);
  });

  it("reports images nested too deep in an image's description", () => {
    expect(report(`${"![".repeat(101)}x${"](a.png)".repeat(101)}\n`)).toEqual([
      `content/topics/a.md:5:203: ${INLINE}`,
    ]);
  });
});
