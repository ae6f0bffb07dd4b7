/**
 * A figure's caption is the image's title, rendered as Markdown: each of its
 * problems is reported where it was written in the title, not at the body's
 * start or at the image.
 */
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/core/diagnostics.js";
import { bodyRenderer } from "../../support/render.js";

const render = bodyRenderer();
const report = (body: string) =>
  render(body).diagnostics.map((d) => formatDiagnostic(d).split("\n")[0]);
const UNSAFE = (at: string) =>
  `content/topics/a.md:${at}: error: Unsafe URL "javascript:1": only http(s), mailto and relative URLs are allowed (unsafe-url)`;

describe("problems in a figure caption", () => {
  it("are located in the title", () => {
    expect(report('Intro\n\n![alt](img.png "Caption [x](javascript:1)")\n')).toEqual([
      UNSAFE("7:29"),
    ]);
  });

  // Regression: a caption's attribute block was reported at the image, a line's title at the image's line.
  it("are located at an attribute block in the title", () => {
    expect(report('Intro\n\n![alt](img.png "Caption *x*{onclick=1}")\n')).toEqual([
      'content/topics/a.md:7:29: error: Attribute "onclick" is not allowed: inline event handlers are not allowed (attribute-not-allowed)',
    ]);
  });

  it("are located on the title's own line when it is on the next line", () => {
    expect(
      report('Intro\n\n![alt](img.png\n  "Caption on the next line [x](javascript:1)")\n'),
    ).toEqual([UNSAFE("8:33")]);
  });

  it("are located through escapes, entities and a block quote's markers", () => {
    expect(
      report('Intro\n\n> ![alt](img.png "A \\"q\\" &amp;\n> more [x](javascript:1)")\n'),
    ).toEqual([UNSAFE("8:12")]);
  });

  it("are located in a reference definition's title", () => {
    expect(report('Intro\n\n![alt][ref]\n\n[ref]: img.png "Caption [x](javascript:1)"\n')).toEqual([
      UNSAFE("9:29"),
    ]);
  });

  it("are located in the title with bodyTemplates too", () => {
    const { diagnostics } = render(
      'Intro {{ 1 }}\n\n![alt](img.png "Caption [x](javascript:1)")\n',
      {
        templates: {},
      },
    );
    expect(diagnostics.map(formatDiagnostic)).toEqual([UNSAFE("7:29")]);
  });

  it("still render the caption", () => {
    const { document } = render('![alt](img.png "A *b* &amp; \\"c\\"")\n');
    expect(document.querySelector("figcaption")?.innerHTML).toBe("A <em>b</em> &amp; “c”");
  });
});
