/**
 * Renders Markdown with the configured markdown-it and a context that maps
 * its lines and offsets to the source (1-based lines and columns), as a body
 * render does, so that tests can assert exact locations.
 */
import { parseHTML } from "linkedom";
import type { Diagnostic } from "../../../src/core/diagnostics.js";
import { createMarkdown } from "../../../src/markdown/create-markdown.js";
import { createEnv } from "../../../src/markdown/render-context.js";

const md = createMarkdown();
export const FILE = "content/topics/a.md";

export function renderMarkdown(source: string) {
  const diagnostics: Diagnostic[] = [];
  const lines = source.split("\n");
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const env = createEnv({
    file: FILE,
    diagnostics,
    toc: [],
    locate: (line, needle) => {
      if (line === undefined) return { file: FILE, line: 0, column: 0 };
      const found = needle ? (lines[line] ?? "").indexOf(needle) : -1;
      return { file: FILE, line: line + 1, column: found >= 0 ? found + 1 : 1 };
    },
    positionOf: (at) => {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1]! <= at) line++;
      return { line: line + 1, column: at - starts[line]! + 1 };
    },
    locatePosition: (position, needle) => {
      const text = lines[position.line - 1] ?? "";
      const found = needle ? text.indexOf(needle, (position.column ?? 1) - 1) : -1;
      return {
        file: FILE,
        line: position.line,
        column: found >= 0 ? found + 1 : (position.column ?? 1),
      };
    },
  });
  const html = md.render(source, env);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { html, diagnostics, document };
}

/** `line:column severity rule message`, for compact assertions. */
export const brief = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);

/** The TeX of every formula KaTeX rendered, in order. */
export const formulas = (document: Document) =>
  [...document.querySelectorAll("annotation")].map((a) => a.textContent);
