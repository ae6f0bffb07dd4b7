import { describe, expect, it } from "vitest";
import { attributes, element, escapeHtml, safeJson, stripTags } from "../../src/html.js";

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  });

  it("escapes an ampersand that already looks like an entity", () => {
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });

  it("leaves other text, including Unicode, alone", () => {
    expect(escapeHtml("Ünïcode — 日本語 $x$ {{ y }}")).toBe("Ünïcode — 日本語 $x$ {{ y }}");
    expect(escapeHtml("")).toBe("");
  });
});

describe("attributes", () => {
  it("renders name=value pairs with escaped values, each with a leading space", () => {
    expect(attributes({ class: "a b", title: 'say "hi" & <go>' })).toBe(' class="a b" title="say &quot;hi&quot; &amp; &lt;go&gt;"');
  });

  it("renders true as a bare attribute and leaves out false, null and undefined", () => {
    expect(attributes({ hidden: true, open: false, id: null, lang: undefined, tabindex: 0 })).toBe(' hidden tabindex="0"');
  });

  it("renders numbers as text", () => {
    expect(attributes({ width: 640, rx: 2.5 })).toBe(' width="640" rx="2.5"');
  });

  it("is empty for no attributes", () => {
    expect(attributes({})).toBe("");
  });
});

describe("element", () => {
  it("wraps already-rendered HTML in a tag with escaped attributes", () => {
    expect(element("p", { class: "note", "data-x": "<1>" }, "<em>hi</em>")).toBe('<p class="note" data-x="&lt;1&gt;"><em>hi</em></p>');
  });

  it("renders an empty element when no children are given", () => {
    expect(element("span", { "aria-hidden": "true" })).toBe('<span aria-hidden="true"></span>');
  });
});

describe("safeJson", () => {
  it("escapes <, > and & so it cannot end a script element", () => {
    expect(safeJson({ a: "</script><b>&" })).toBe('{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}');
  });

  it("escapes the JavaScript line and paragraph separators", () => {
    expect(safeJson("a\u2028b\u2029c")).toBe('"a\\u2028b\\u2029c"');
  });

  it("parses back to the same value", () => {
    const value = { title: "<Q&A>", list: [1, "x\u2028y"], nested: { ok: true } };
    expect(JSON.parse(safeJson(value))).toEqual(value);
  });

  it("indents when asked", () => {
    expect(safeJson({ a: 1 }, 2)).toBe('{\n  "a": 1\n}');
  });
});

describe("stripTags", () => {
  it("removes tags and decodes the entities escapeHtml produces", () => {
    expect(stripTags("<em>Q&amp;A</em>: &lt;x&gt; &quot;y&quot; it&#39;s")).toBe(`Q&A: <x> "y" it's`);
  });

  it("decodes &amp; last, so an escaped entity stays literal", () => {
    expect(stripTags("&amp;lt;")).toBe("&lt;");
  });

  it("undoes escapeHtml", () => {
    const text = `<a> & "b" 'c'`;
    expect(stripTags(escapeHtml(text))).toBe(text);
  });
});
