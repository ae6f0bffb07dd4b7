import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/core/diagnostics.js";
import { decodeUtf8, firstInvalidByte } from "../../../src/source/utf8.js";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))),
  );

describe("decodeUtf8", () => {
  it("decodes UTF-8 and drops a byte-order mark", () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], "é\n"), "a.md")).toEqual({
      text: "é\n",
      diagnostics: [],
    });
  });

  it("reports the first invalid byte at its line and column (Latin-1 é)", () => {
    const { text, diagnostics } = decodeUtf8(bytes("title: A\nCaf", [0xe9], "\n"), "content/a.md");
    expect(text).toBe("title: A\nCaf\ufffd\n");
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "content/a.md:2:4: error: The file is not valid UTF-8: these bytes would show as \ufffd (invalid-utf8)\n  hint: save the file as UTF-8",
    ]);
  });

  it("counts columns without the byte-order mark", () => {
    const { diagnostics } = decodeUtf8(bytes([0xef, 0xbb, 0xbf], "ab", [0xff]), "a.md");
    expect(diagnostics[0]).toMatchObject({ line: 1, column: 3 });
  });

  it("places the error at the invalid bytes even after a real U+FFFD", () => {
    const { diagnostics } = decodeUtf8(bytes("x \ufffd y\nz ", [0xc3, 0x28]), "a.md");
    expect(diagnostics[0]).toMatchObject({ line: 2, column: 3 });
  });

  it("uses the hint it is given", () => {
    expect(decodeUtf8(bytes([0x80]), "refs.bib", "export as UTF-8").diagnostics[0]?.hint).toBe(
      "export as UTF-8",
    );
  });
});

describe("firstInvalidByte", () => {
  it("accepts every well-formed sequence", () => {
    expect(firstInvalidByte(bytes("aé€😀"))).toBe(10);
  });

  it("refuses overlong forms, surrogates, code points above U+10FFFF and cut sequences", () => {
    expect(firstInvalidByte(bytes("ab", [0xc0, 0xaf]))).toBe(2);
    expect(firstInvalidByte(bytes([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(firstInvalidByte(bytes([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidByte(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidByte(bytes("a", [0xe2, 0x82]))).toBe(1);
    expect(firstInvalidByte(bytes("a", [0xe2, 0x82, 0x41]))).toBe(1);
  });
});
