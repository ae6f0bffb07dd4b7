import { describe, expect, it } from "vitest";
import { brief, formulas, renderMarkdown } from "./render-markdown.js";

describe("inline math by Pandoc's rule", () => {
  // Regression: v0.1 skipped the `$` before `\mathcal` (a space before it) and closed at the last
  // `$`, so `5, and the loss is $\mathcal{L}` was one formula and the build failed with a TeX error.
  it("a price before a formula is literal text (It costs $5, …)", () => {
    const { document, diagnostics } = renderMarkdown(
      "It costs $5, and the loss is $\\mathcal{L}$.\n",
    );
    expect(diagnostics).toEqual([]);
    expect(formulas(document)).toEqual(["\\mathcal{L}"]);
    expect(document.querySelector("p")?.firstChild?.textContent).toBe(
      "It costs $5, and the loss is ",
    );
  });

  it("a price with a formula later on the line is literal text (A GPU hour is $2 …)", () => {
    const { document, diagnostics } = renderMarkdown(
      "A GPU hour is $2 while training takes $T$ steps.\n",
    );
    expect(diagnostics).toEqual([]);
    expect(formulas(document)).toEqual(["T"]);
    expect(document.querySelector("p")?.firstChild?.textContent).toBe(
      "A GPU hour is $2 while training takes ",
    );
  });

  it("a closing dollar before a digit leaves the dollar as text (From $1$2 to $3$.)", () => {
    const { document, diagnostics } = renderMarkdown("From $1$2 to $3$.\n");
    expect(diagnostics).toEqual([]);
    expect(formulas(document)).toEqual(["3"]);
    expect(document.querySelector("p")?.firstChild?.textContent).toBe("From $1$2 to ");
  });

  it("keeps a formula's TeX in an image's alt text, as Pandoc does", () => {
    const { document } = renderMarkdown("![The $x^2$ curve](a.png)\n");
    expect(document.querySelector("img")?.getAttribute("alt")).toBe("The x^2 curve");
  });

  it("keeps $$…$$ inside a paragraph as display math in a span", () => {
    const { document } = renderMarkdown("a $$x$$ b\n");
    expect(document.querySelector("p > span.math-display .katex-display")).not.toBeNull();
  });
});

describe("display math blocks", () => {
  it("sets the id and classes of an attribute block after the closing $$", () => {
    const { document, diagnostics } = renderMarkdown(
      "$$\n\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}\n$$ {#eq-softmax .wide}\n",
    );
    expect(diagnostics).toEqual([]);
    const block = document.querySelector("body > div.math-display");
    expect(block?.id).toBe("eq-softmax");
    expect(block?.className).toBe("math-display wide");
    expect(block?.getAttribute("tabindex")).toBe("0");
    expect(formulas(document)).toEqual(["\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}"]);
  });

  it("takes an attribute block on a one-line formula", () => {
    const { document } = renderMarkdown("$$ x^2 $$ {#eq-square}\n");
    expect(document.querySelector("body > div.math-display")?.id).toBe("eq-square");
    expect(formulas(document)).toEqual(["x^2"]);
  });

  it("reports an attribute that is not allowed at the closing line, and drops it", () => {
    const { document, diagnostics } = renderMarkdown("$$\nx\n$$ {#eq-1 onclick=alert(1)}\n");
    expect(document.querySelector("div.math-display")?.id).toBe("eq-1");
    expect(document.querySelector("[onclick]")).toBeNull();
    expect(brief(diagnostics)).toEqual([
      '3:11 error attribute-not-allowed Attribute "onclick" is not allowed: inline event handlers are not allowed',
    ]);
  });

  it("reads text after the closing $$ as a paragraph with display math, as Pandoc does", () => {
    const { document, diagnostics } = renderMarkdown("$$\nx\n$$ and {a, b}\n");
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("div")).toBeNull();
    expect(document.querySelector("p > span.math-display")).not.toBeNull();
    expect(document.querySelector("p")?.lastChild?.textContent).toBe(" and {a, b}");
  });

  it("reports an unclosed $$ at the opening $$, and shows the text as written", () => {
    const { document, diagnostics } = renderMarkdown("Intro.\n\n> $$ x = 1\n> y\n\nMore.\n");
    expect(document.querySelector("pre.math-error")?.textContent).toBe("$$ x = 1\ny");
    expect(document.querySelector(".katex")).toBeNull();
    expect(brief(diagnostics)).toEqual([
      "3:3 error math-unclosed Unclosed $$: expected a closing $$ before the end of the block quote",
    ]);
    expect(diagnostics[0]?.hint).toBe(
      "close the formula with $$ (display math does not cross a blank line), or write \\$ for a dollar sign",
    );
  });

  // Regression (issue class 7): v0.1 reported an unclosed `$$` as `Attribute "2" is not allowed`,
  // reading the `{2}` of the formula as an attribute block.
  it("reports an unclosed $$ before braces at the $$, and nothing about the braces", () => {
    const { document, diagnostics } = renderMarkdown("Intro.\n\n$$\n\\frac{1}{2}\n");
    expect(brief(diagnostics)).toEqual([
      "3:1 error math-unclosed Unclosed $$: expected a closing $$ before the end of the document",
    ]);
    expect(document.querySelector("pre.math-error")?.textContent).toBe("$$\n\\frac{1}{2}");
    expect(brief(renderMarkdown("$$ x^{2}\n{2}\n\nMore {2}\n").diagnostics)).toEqual([
      "1:1 error math-unclosed Unclosed $$: expected a closing $$ before the blank line",
    ]);
  });

  it("does not cross a blank line", () => {
    const { document, diagnostics } = renderMarkdown("$$\na\n\nb\n$$\n");
    expect(document.querySelector(".katex")).toBeNull();
    expect(brief(diagnostics)).toEqual([
      "1:1 error math-unclosed Unclosed $$: expected a closing $$ before the blank line",
    ]);
    expect(document.querySelector("pre.math-error")?.textContent).toBe("$$\na");
    // A `$$` that continues a paragraph does not open a block: it is the paragraph's text.
    expect(document.querySelector("p")?.textContent).toBe("b\n$$");
  });

  it("names the end of a list item, or of the document, when a formula is unclosed there", () => {
    expect(brief(renderMarkdown("- $$ x\n- y\n").diagnostics)).toEqual([
      "1:3 error math-unclosed Unclosed $$: expected a closing $$ before the end of the list item",
    ]);
    expect(brief(renderMarkdown("Text.\n\n$$ x = 1\n").diagnostics)).toEqual([
      "3:1 error math-unclosed Unclosed $$: expected a closing $$ before the end of the document",
    ]);
  });

  it("does not take a $$ that continues a paragraph for a block: it is text there", () => {
    const { document, diagnostics } = renderMarkdown("Costs\n$$ x\n");
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("p")?.textContent).toBe("Costs\n$$ x");
  });
});
