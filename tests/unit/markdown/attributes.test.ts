import { describe, expect, it } from "vitest";
import { parseAttributeBlock } from "../../../src/markdown/attributes.js";
import { brief, renderMarkdown } from "./render-markdown.js";

describe("parseAttributeBlock", () => {
  it("reads ids, classes and key=value pairs, and where the block ends", () => {
    expect(parseAttributeBlock("x {#a .b c=d e=\"f g\" h='i'} y", 2)).toEqual({
      end: 27,
      attrs: [
        ["id", "a"],
        ["class", "b"],
        ["c", "d"],
        ["e", "f g"],
        ["h", "i"],
      ],
    });
  });

  it("lets quoted values hold braces, spaces and the other quote", () => {
    expect(parseAttributeBlock('{.replace-me data-tex="e^{i}=-1"}', 0)?.attrs).toEqual([
      ["class", "replace-me"],
      ["data-tex", "e^{i}=-1"],
    ]);
    expect(parseAttributeBlock("{title='say \"hi\"'}", 0)?.attrs).toEqual([["title", 'say "hi"']]);
  });

  it("allows spaces inside the braces, an empty value, and Pandoc's names", () => {
    expect(parseAttributeBlock("{ .red }", 0)?.attrs).toEqual([["class", "red"]]);
    expect(parseAttributeBlock("{data-x=}", 0)?.attrs).toEqual([["data-x", ""]]);
    expect(parseAttributeBlock("{#fig:1.a}", 0)?.attrs).toEqual([["id", "fig:1.a"]]);
    expect(parseAttributeBlock("{link=/a/b?id=1}", 0)?.attrs).toEqual([["link", "/a/b?id=1"]]);
  });

  it("is undefined for braces that are text", () => {
    for (const text of [
      "{a, b}",
      "{Smith 2020}",
      "{placeholder}",
      "{hidden}",
      "{}",
      "{ }",
      "{.}",
      "{#}",
      "{..module}",
      "{.a.b}",
      "{#a.b.c .d#e}",
      '{a="b}',
      '{a="b"c}',
      "{-}",
      "{1=2}",
      "{.a",
      "{.a\n.b}",
    ]) {
      expect(parseAttributeBlock(text, 0), text).toBeUndefined();
    }
  });

  it("starts only at a brace, and ends before max", () => {
    expect(parseAttributeBlock("x{.a}", 0)).toBeUndefined();
    expect(parseAttributeBlock("{.a}", 0, 3)).toBeUndefined();
    expect(parseAttributeBlock("{.a}", 0, 4)?.end).toBe(4);
  });
});

describe("attribute blocks in pages", () => {
  // Regression: markdown-it-attrs took any {…} at the end of a line: `{a, b}` became the
  // attributes `a,=""` and `b=""`, reported as not allowed, and the build failed.
  it("shows braces that are not attribute syntax as text, with no error", () => {
    for (const text of [
      "Choose one of {a, b}",
      "As shown in {Smith 2020}",
      "Use the {placeholder}",
    ]) {
      const { document, diagnostics } = renderMarkdown(`${text}\n`);
      expect(diagnostics, text).toEqual([]);
      expect(document.querySelector("p")?.textContent, text).toBe(text);
      expect(document.querySelector("p")?.attributes.length, text).toBe(0);
    }
  });

  // Regression: a regex guessed whether a page had attribute blocks, and skipped markdown-it-attrs
  // when it did not: this block was text on its own, and attributes next to another block.
  it("decides the same on every page: a block with braces in a quoted value", () => {
    const alone = renderMarkdown('Euler {.replace-me data-tex="e^{i}=-1"}\n').document;
    const together = renderMarkdown(
      '# Title {#top}\n\nEuler {.replace-me data-tex="e^{i}=-1"}\n',
    ).document;
    for (const document of [alone, together]) {
      const p = document.querySelector("p")!;
      expect(p.className).toBe("replace-me");
      expect(p.getAttribute("data-tex")).toBe("e^{i}=-1");
      expect(p.textContent).toBe("Euler");
    }
  });

  it("keeps text braces and applies the block that ends the heading", () => {
    const { document, diagnostics } = renderMarkdown("## Sets {a, b} {#sets}\n");
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("h2")?.id).toBe("sets");
    expect(document.querySelector("h2")?.textContent).toBe("Sets {a, b}");
  });

  it("applies a block after a double quote in the text", () => {
    const { document } = renderMarkdown('A 5" screen {.small}\n');
    expect(document.querySelector("p")?.className).toBe("small");
    expect(document.querySelector("p")?.textContent).toBe('A 5" screen');
  });

  it("leaves an escaped brace, and braces in code and math, alone", () => {
    const { document, diagnostics } = renderMarkdown(
      "Literal \\{.x} and `{.y}` and $x^{2}$ and $\\{a\\}$\n",
    );
    expect(diagnostics).toEqual([]);
    expect(document.querySelector("p")?.attributes.length).toBe(0);
    expect(document.querySelector("p")?.firstChild?.textContent).toBe("Literal {.x} and ");
    expect(document.querySelector("code")?.textContent).toBe("{.y}");
  });

  it("keeps the characters it uses to hide braces when a page has them", () => {
    const text = "a \uFDD0 b \uFDD3 c {.x}";
    const { document } = renderMarkdown(`${text}\n\n\`\uFDD1{\`\n`);
    expect(document.querySelector("p")?.className).toBe("x");
    expect(document.querySelector("p")?.textContent).toBe("a \uFDD0 b \uFDD3 c");
    expect(document.querySelector("code")?.textContent).toBe("\uFDD1{");
  });

  it("reports a not allowed attribute where it is written", () => {
    // Not at the first "onclick" of the line, nor on the paragraph's first line.
    const { diagnostics } = renderMarkdown("First line\nthe onclick handler {onclick=x}\n");
    expect(brief(diagnostics)).toEqual([
      '2:22 error attribute-not-allowed Attribute "onclick" is not allowed: inline event handlers are not allowed',
    ]);
  });
});

describe("attributes on fences", () => {
  it("puts allowed attributes on the <pre>, after the language's class", () => {
    const { document, diagnostics } = renderMarkdown(
      '```python {#listing-1 .numbered data-file="a.py"}\nx = 1\n```\n',
    );
    expect(diagnostics).toEqual([]);
    const pre = document.querySelector("pre")!;
    expect(pre.id).toBe("listing-1");
    expect(pre.className).toBe("language-python numbered");
    expect(pre.getAttribute("data-file")).toBe("a.py");
    expect(pre.getAttribute("tabindex")).toBe("0");
    expect(pre.querySelector("code")?.className).toBe("language-python");
    // One class attribute: browsers ignore a second one.
    expect(renderMarkdown("```js {.a}\nx\n```\n").html).toMatch(/^<pre class="[^"]*"(?! class=)/);
  });

  it("reports a not allowed attribute on a fence, and drops it", () => {
    const { document, diagnostics } = renderMarkdown(
      "text\n\n```js {data-x=1 onclick=run()}\nx\n```\n",
    );
    expect(document.querySelector("pre")?.getAttribute("data-x")).toBe("1");
    expect(document.querySelector("[onclick]")).toBeNull();
    expect(brief(diagnostics)).toEqual([
      '3:17 error attribute-not-allowed Attribute "onclick" is not allowed: inline event handlers are not allowed',
    ]);
  });

  it("warns about braces in a fence's info string that are not its attributes", () => {
    const { document, diagnostics } = renderMarkdown(
      "```js {hidden}\nx\n```\n\n```py {.a} more\ny\n```\n",
    );
    expect(document.querySelector("pre")?.className).toBe("language-javascript");
    expect(brief(diagnostics)).toEqual([
      '1:7 warning fence-attributes Unexpected "{hidden}" in the code fence\'s info string, expected one attribute block at its end, such as {#id .class key="value"}: it is ignored',
      '5:7 warning fence-attributes Unexpected "{.a} more" in the code fence\'s info string, expected one attribute block at its end, such as {#id .class key="value"}: it is ignored',
    ]);
  });
});
