/**
 * A shortcode string that is never closed is reported at its opening quote,
 * and the text after the tag it was meant to end reads as text again.
 */
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/core/diagnostics.js";
import { bodyRenderer } from "../../support/render.js";

const render = bodyRenderer();
const HINT =
  '  hint: the string runs on past %}: end it with " before %}, and write a " inside it as \\"';

describe("an unterminated shortcode string", () => {
  // Regression: the string ran on to the next sidenote's quote, and the problem was reported there.
  it("is reported at its opening quote, not at the next sidenote", () => {
    const { diagnostics, document } = render(
      'Text {% sidenote "unterminated %} more text {% sidenote "ok" %} end.\n',
    );
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `content/topics/a.md:5:18: error: Unterminated string in {% sidenote %} (shortcode-malformed)\n${HINT}`,
    ]);
    // The next sidenote is a sidenote again, and the text between them is text.
    const notes = [...document.querySelectorAll(".sidenote")];
    expect(notes.map((n) => n.textContent?.trim().endsWith("ok"))).toEqual([true]);
    expect(document.querySelector("p")?.textContent).toContain(" more text ");
  });

  it("is reported at its opening quote when the next tag is lines later", () => {
    const { diagnostics } = render(
      'Text {% marginnote "open %} more\ntext\nmore {% sidenote "ok" %} end.\n',
    );
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      "5:20 shortcode-malformed",
    ]);
  });

  it("is reported at its opening quote with bodyTemplates too", () => {
    const { diagnostics } = render(
      'A {{ 1 }}\n\nText {% sidenote "open %} b {% sidenote "ok" %}\n',
      {
        templates: {},
      },
    );
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      "7:18 shortcode-malformed",
    ]);
  });

  it("in a pause question is reported at its opening quote", () => {
    const { diagnostics } = render('{% pause "Question %}\n\nAnswer.\n\n{% endpause %}\n');
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toContain(
      "5:10 shortcode-malformed",
    );
  });
});
