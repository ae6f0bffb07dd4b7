/**
 * Reads a CSL style (https://docs.citationstyles.org/en/v1.0.2/specification.html)
 * strictly, before citeproc sees it. citeproc's own XML reader is lenient: a
 * truncated style passes and prints every reference as nothing, and a file
 * that is not XML at all fails later with a TypeError. Here a style must be
 * well-formed XML (saxes, a conforming non-validating parser that reports
 * where the text stops making sense), rooted at
 * `<style xmlns="http://purl.org/net/xbiblio/csl">`, with a `<citation>` and a
 * `<bibliography>` (Syllabus prints reference lists and preview cards), each
 * with its `<layout>`, and every macro it calls defined.
 */
import { SaxesParser } from "saxes";
import type { Diagnostic } from "../core/diagnostics.js";
import { LineIndex } from "../core/text.js";

export const CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl";

/** One element of a style, with where its `<` is. */
export interface CslElement {
  /** Local name: `layout` for `<cs:layout>`. */
  name: string;
  /** Namespace URI ("" when none). */
  namespace: string;
  attributes: Readonly<Record<string, string>>;
  children: CslElement[];
  line: number;
  column: number;
}

const RULE = "csl-style-invalid";

/** The style's root element, or the problems that make it unusable (each at its line and column). */
export function readCslXml(
  text: string,
  file: string,
): { root: CslElement | undefined; diagnostics: Diagnostic[] } {
  const lines = new LineIndex(text);
  const problem = (offset: number, message: string, hint?: string) => ({
    root: undefined,
    diagnostics: [
      {
        file,
        ...lines.position(Math.max(0, Math.min(offset, text.length))),
        severity: "error" as const,
        rule: RULE,
        message,
        ...(hint ? { hint } : {}),
      },
    ],
  });

  const start = text.search(/\S/);
  if (start < 0) return problem(0, "The citation style is empty: expected a CSL style (XML)");
  if (text[start] !== "<") {
    return problem(
      start,
      `Expected a CSL style (XML starting with <?xml or <style), found ${JSON.stringify(text.slice(start, start + 12))}`,
      "download the style's .csl file itself, e.g. from https://www.zotero.org/styles",
    );
  }

  const parsed = parseXml(text);
  if ("error" in parsed) return problem(parsed.error.offset, parsed.error.message);
  const { root } = parsed;
  if (root.name !== "style" || root.namespace !== CSL_NAMESPACE) {
    return problemAt(
      file,
      root,
      `Expected the root element to be <style xmlns="${CSL_NAMESPACE}">, found <${root.name}>`,
    );
  }
  for (const part of ["citation", "bibliography"] as const) {
    const element = root.children.find((c) => c.name === part);
    if (!element) {
      return problemAt(
        file,
        root,
        `The style has no <${part}>: Syllabus needs one to print ${part === "citation" ? "citations" : "reference lists"}`,
      );
    }
    if (!element.children.some((c) => c.name === "layout")) {
      return problemAt(file, element, `<${part}> has no <layout>: it would print nothing`);
    }
  }
  const macros = new Set(
    root.children.filter((c) => c.name === "macro").map((c) => c.attributes.name),
  );
  for (const element of descendants(root)) {
    const macro = element.attributes.macro;
    if (macro !== undefined && !macros.has(macro)) {
      return problemAt(
        file,
        element,
        `<${element.name}> calls macro "${macro}", which the style does not define`,
      );
    }
  }
  return { root, diagnostics: [] };
}

function problemAt(
  file: string,
  element: CslElement,
  message: string,
): { root: undefined; diagnostics: Diagnostic[] } {
  return {
    root: undefined,
    diagnostics: [
      { file, line: element.line, column: element.column, severity: "error", rule: RULE, message },
    ],
  };
}

/** Every element under `root`, in document order. */
export function* descendants(root: CslElement): Generator<CslElement> {
  for (const child of root.children) {
    yield child;
    yield* descendants(child);
  }
}

/** The element tree of well-formed XML, or the first problem at its offset. */
function parseXml(
  text: string,
): { root: CslElement } | { error: { offset: number; message: string } } {
  const lines = new LineIndex(text);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: CslElement[] = [];
  let root: CslElement | undefined;
  let error: { offset: number; message: string } | undefined;
  let tagStart = 0;
  parser.on("error", (e) => {
    // saxes goes on after an error; the first one is what the author must fix.
    error ??= {
      // The position is just past the character that made the text ill-formed.
      offset: parser.position - 1,
      message: `The citation style is not well-formed XML: ${e.message.replace(/^\d+:\d+: /, "")}`,
    };
  });
  parser.on("opentagstart", (tag) => {
    // saxes has read `<`, the name and the character that ended it.
    tagStart = parser.position - tag.name.length - 2;
  });
  parser.on("opentag", (tag) => {
    const element: CslElement = {
      name: tag.local,
      namespace: tag.uri,
      attributes: Object.fromEntries(
        Object.values(tag.attributes).map((a) => [a.prefix === "" ? a.local : a.name, a.value]),
      ),
      children: [],
      ...lines.position(tagStart),
    };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(text);
  if (!error && stack.length > 0) {
    const open = stack.at(-1)!;
    return {
      error: {
        offset: text.trimEnd().length,
        message: `The citation style ends inside <${open.name}> (opened at ${open.line}:${open.column}): the file is truncated`,
      },
    };
  }
  parser.close();
  if (error) return { error };
  if (!root) return { error: { offset: 0, message: "The citation style has no root element" } };
  return { root };
}
