/**
 * With `bodyTemplates`, every Nunjucks error is reported at its own line: a
 * filter, a test or `in` that throws (Nunjucks records no position for them),
 * and a runtime error on the body's first line (Nunjucks drops line 0).
 */
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/core/diagnostics.js";
import { bodyRenderer } from "../../support/render.js";

const render = bodyRenderer({ "_includes/ok.njk": "fine\n" });
const CONTEXT = {
  n: 1,
  list: [1, 2],
  fail: () => {
    throw new Error("the helper failed");
  },
};
const report = (body: string) =>
  render(body, { templates: CONTEXT }).diagnostics.map(formatDiagnostic);

describe("Nunjucks runtime errors at their own line", () => {
  // Regression: a filter's error carried no position and was reported at the body's first line.
  it("reports an error thrown by a filter at its line", () => {
    expect(report("Line one.\n\nText {{ n | join(',') }}\n")).toEqual([
      "content/topics/a.md:7:6: error: Nunjucks: TypeError: arr.join is not a function (nunjucks)",
    ]);
  });

  // Regression: the same filter used fine earlier took the blame (the last call before the error).
  it("reports the filter that failed, not an earlier one", () => {
    expect(report("{{ list | join(',') }}\n\n{{ fail }}\n\nText {{ n | join(',') }}\n")).toEqual([
      "content/topics/a.md:9:6: error: Nunjucks: TypeError: arr.join is not a function (nunjucks)",
    ]);
  });

  it("reports the inner of two chained filters when it fails", () => {
    expect(report("a\n\n{{ n | join(',') | upper }}\n")).toEqual([
      "content/topics/a.md:7:1: error: Nunjucks: TypeError: arr.join is not a function (nunjucks)",
    ]);
  });

  it("reports an unknown test and a bad `in` at their lines", () => {
    expect(report("a\n\n{% if n is nosuchtest %}x{% endif %}\n")).toEqual([
      "content/topics/a.md:7:1: error: Nunjucks: test not found: nosuchtest (nunjucks)",
    ]);
    expect(report("a\n\nb\n\n{% if 1 in n %}x{% endif %}\n")).toEqual([
      'content/topics/a.md:9:1: error: Nunjucks: Cannot use "in" operator to search for "1" in unexpected types. (nunjucks)',
    ]);
  });

  it("reports an error inside a loop at the line of the construct, not of the loop", () => {
    expect(report("{% for i in list %}\n- {{ i }}\n- {{ i | join }}\n{% endfor %}\n")).toEqual([
      "content/topics/a.md:7:3: error: Nunjucks: TypeError: arr.join is not a function (nunjucks)",
    ]);
  });

  // Regression: Nunjucks leaves the position out of an error on line 0 and at column 0.
  it("reports a runtime error on the body's first line at that line", () => {
    expect(report("Intro {{ fail() }}\n")).toEqual([
      "content/topics/a.md:5:7: error: Nunjucks: the helper failed (nunjucks)",
    ]);
    expect(report("a\n\n{{ fail() }}\n")).toEqual([
      "content/topics/a.md:7:1: error: Nunjucks: the helper failed (nunjucks)",
    ]);
  });

  it("renders a body whose first line trims with {%- as before", () => {
    const { html, diagnostics } = render("{%- if true %}A{% endif %}\nB\n\n{{ n }}\n", {
      templates: CONTEXT,
    });
    expect(diagnostics).toEqual([]);
    expect(html).toBe("<p>A\nB</p>\n<p>1</p>\n");
  });

  it("still runs filters, tests and `in` as Nunjucks does", () => {
    const { html, diagnostics } = render(
      '{{ list | join("-") | replace("1", "one") }} {% if 2 in list and n is odd %}yes{% endif %} {% include "ok.njk" %}\n',
      { templates: CONTEXT },
    );
    expect(diagnostics).toEqual([]);
    expect(html).toBe("<p>one-2 yes fine</p>\n");
  });
});
