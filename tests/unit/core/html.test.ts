import { describe, expect, it } from "vitest";
import { attributes, escapeHtml, safeJson } from "../../../src/core/html.js";

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
    );
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
    expect(attributes({ class: "a b", title: 'say "hi" & <go>' })).toBe(
      ' class="a b" title="say &quot;hi&quot; &amp; &lt;go&gt;"',
    );
  });

  it("renders true as a bare attribute and leaves out false, null and undefined", () => {
    expect(attributes({ hidden: true, open: false, id: null, lang: undefined, tabindex: 0 })).toBe(
      ' hidden tabindex="0"',
    );
  });

  it("renders numbers as text", () => {
    expect(attributes({ width: 640, rx: 2.5 })).toBe(' width="640" rx="2.5"');
  });

  it("is empty for no attributes", () => {
    expect(attributes({})).toBe("");
  });
});

describe("safeJson", () => {
  it("escapes <, > and & so it cannot end a script element", () => {
    expect(safeJson({ a: "</script><b>&" })).toBe(
      '{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}',
    );
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
