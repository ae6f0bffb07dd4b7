import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cslStyles } from "../../../src/citations/citation-js.js";
import {
  BUILT_IN_STYLES,
  describeStyle,
  resolveStyle,
  type CitationStyle,
} from "../../../src/citations/csl-style.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const course = temporaryCourses("style");

/** The style registry is shared by the whole process: every custom style gets a name of its own. */
let counter = 0;
const uniqueName = (base: string) => `${base}-${process.pid}-${++counter}`;

function cslXml({
  format,
  layout,
  citationAttributes = "",
}: {
  format: string;
  layout: string;
  citationAttributes?: string;
}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info>
    <title>Test style</title>
    <id>http://example.org/styles/test</id>
    <updated>2024-01-01T00:00:00+00:00</updated>
    <category citation-format="${format}"/>
  </info>
  <citation${citationAttributes}>
    <layout${layout}>
      <text variable="citation-number"/>
    </layout>
  </citation>
  <bibliography>
    <layout>
      <text variable="title"/>
    </layout>
  </bibliography>
</style>
`;
}

function resolved(root: string, name: string): CitationStyle {
  const style = resolveStyle(root, name);
  if ("error" in style) throw new Error(style.error);
  return style;
}

describe("describeStyle", () => {
  it("describes vancouver as numeric, in parentheses, collapsing ranges", () => {
    expect(describeStyle("vancouver", cslStyles.get("vancouver"))).toEqual({
      name: "vancouver",
      kind: "numeric",
      layout: { prefix: "(", suffix: ")", delimiter: ",", superscript: false },
    });
  });

  it("describes apa as author-date, in parentheses, separated by semicolons", () => {
    expect(describeStyle("apa", cslStyles.get("apa"))).toEqual({
      name: "apa",
      kind: "author-date",
      layout: { prefix: "(", suffix: ")", delimiter: "; ", superscript: false },
    });
  });

  it("describes harvard1 as author-date", () => {
    expect(describeStyle("harvard1", cslStyles.get("harvard1"))).toMatchObject({
      kind: "author-date",
      layout: { prefix: "(", suffix: ")" },
    });
  });

  it("reads superscript numbers and decodes XML entities in affixes", () => {
    const xml = cslXml({
      format: "numeric",
      layout: ' vertical-align="sup" prefix="&#91;" suffix="&#93;" delimiter="&amp;"',
    });
    expect(describeStyle("sup", xml).layout).toEqual({
      prefix: "[",
      suffix: "]",
      delimiter: "&",
      superscript: true,
    });
  });

  it("defaults the delimiter to a comma and treats note styles like author-date", () => {
    const style = describeStyle("note", cslXml({ format: "note", layout: "" }));
    expect(style.kind).toBe("author-date");
    expect(style.layout).toEqual({ prefix: "", suffix: "", delimiter: ", ", superscript: false });
  });
});

describe("resolveStyle", () => {
  it("resolves every built-in style", () => {
    expect(BUILT_IN_STYLES).toEqual(["apa", "vancouver", "harvard1"]);
    const root = course();
    expect(resolved(root, "vancouver")).toMatchObject({
      name: "vancouver",
      kind: "numeric",
      layout: { prefix: "(", suffix: ")" },
    });
    expect(resolved(root, "apa")).toMatchObject({ name: "apa", kind: "author-date" });
    expect(resolved(root, "harvard1")).toMatchObject({ name: "harvard1", kind: "author-date" });
  });

  it("reports an unknown style with the built-in ones", () => {
    expect(resolveStyle(course(), "chicago-fantasy")).toEqual({
      error: 'Unknown citation style "chicago-fantasy"',
      available: ["apa", "vancouver", "harvard1"],
    });
  });

  it("registers a .csl file in _data/ under its file name", () => {
    const name = uniqueName("brackets");
    const root = course({
      [`_data/${name}.csl`]: cslXml({
        format: "numeric",
        layout: ' prefix="[" suffix="]" delimiter="; "',
        citationAttributes: ' collapse="citation-number"',
      }),
    });
    expect(cslStyles.has(name)).toBe(false);
    expect(resolved(root, name)).toEqual({
      // Registered under a name of its content, so that it cannot leak into another course.
      name: expect.stringMatching(new RegExp(`^course:${name}:[0-9a-f]+$`)) as unknown,
      kind: "numeric",
      layout: { prefix: "[", suffix: "]", delimiter: "; ", superscript: false },
      // Where citeproc's problems with it are shown.
      definition: {
        file: `_data/${name}.csl`,
        root: expect.objectContaining({ name: "style" }) as unknown,
      },
    });
    // The author's name never enters citation-js's shared registry.
    expect(cslStyles.has(name)).toBe(false);
  });

  it("accepts the file name with its .csl extension", () => {
    const name = uniqueName("authordate");
    const root = course({
      [`_data/${name}.csl`]: cslXml({ format: "author-date", layout: ' prefix="(" suffix=")"' }),
    });
    expect(resolved(root, `${name}.csl`)).toMatchObject({
      name: expect.stringContaining(`course:${name}:`) as unknown,
      kind: "author-date",
      layout: { prefix: "(", suffix: ")" },
    });
  });

  // Regression: resolveStyle registers custom styles in citation-js's process-wide
  // registry and never forgets them, so a course that names a style it does
  // not have ("mystyle", no _data/mystyle.csl) resolves it anyway once another
  // course (or an earlier build in the same dev-server process) registered it.
  // Expected: { error: 'Unknown citation style "…"' }; actual: the other
  // course's style. (Likewise a course's _data/apa.csl replaces "apa" for every
  // later course.)
  it("does not resolve a custom style that only another course has", () => {
    const name = uniqueName("elsewhere");
    const withFile = course({
      [`_data/${name}.csl`]: cslXml({ format: "numeric", layout: ' prefix="[" suffix="]"' }),
    });
    resolved(withFile, name);
    const withoutFile = course();
    expect(resolveStyle(withoutFile, name)).toHaveProperty("error");
  });

  it("returns the problems of a .csl that is not a usable style, and never registers it", () => {
    const name = uniqueName("broken");
    const root = course({ [`_data/${name}.csl`]: "<style" });
    const style = resolveStyle(root, name);
    expect(style).toEqual({
      error: `Citation style _data/${name}.csl cannot be used`,
      diagnostics: [
        expect.objectContaining({ file: `_data/${name}.csl`, rule: "csl-style-invalid" }),
      ],
    });
    expect(cslStyles.has(name)).toBe(false);
  });

  it("reports a .csl that is not UTF-8 at its first invalid byte", () => {
    const name = uniqueName("latin1");
    const root = course({});
    mkdirSync(path.join(root, "_data"));
    writeFileSync(
      path.join(root, `_data/${name}.csl`),
      Buffer.from(
        cslXml({ format: "numeric", layout: "" }).replace("Test style", "Stil für Tests"),
        "latin1",
      ),
    );
    const style = resolveStyle(root, name);
    expect(
      "diagnostics" in style && style.diagnostics.map((d) => [d.line, d.column, d.rule]),
    ).toEqual([[4, 18, "invalid-utf8"]]);
  });
});
