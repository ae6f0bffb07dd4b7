/**
 * `"bodyTemplates": true`: a body is a Nunjucks template, run over the source
 * before Markdown, as in Eleventy (a `{% for %}` may write list items, an
 * `{% if %}` span paragraphs). This runs the author's code, so it is off
 * unless the course turns it on.
 *
 * What is code, math or a comment is decided by markdown-it's parse of the
 * source (a first parse, whose output is thrown away): those parts are hidden
 * from Nunjucks and put back as written; shortcode tags are replaced by tag
 * markers, which the render after Nunjucks reads as the tags of the body.
 * Line markers carry every line's number through Nunjucks, so that problems
 * found afterwards are located in the author's file.
 */
import nunjucks, { type Environment } from "nunjucks";
import { encodeMarkerNumber, MARKERS, sourcePlaceholders } from "../core/markers.js";
import { LineIndex } from "../core/text.js";
import type { ProtectedRanges } from "../shortcodes/shortcode-env.js";
import { markLines, readLineMarkers } from "./line-markers.js";
import { compileLocated, describeNunjucksError } from "./nunjucks-errors.js";

/** A line before the body's first, removed from the output (with its line break, unless a `{%-` trimmed it). */
const LEAD_MARK = MARKERS.line.join("");
const LEAD = `${LEAD_MARK}\n`;

/** The Nunjucks environment bodies run in: includes from the course's `_includes/`, undefined values are errors. */
export function createTemplateEnvironment(includesDir: string): Environment {
  // Not cached: the dev server must see an include edited since the last render.
  return new nunjucks.Environment(new nunjucks.FileSystemLoader(includesDir, { noCache: true }), {
    autoescape: false,
    throwOnUndefined: true,
  });
}

export interface TemplatedBody {
  /** The Markdown to render: Nunjucks' output, with tag markers. */
  text: string;
  /** 0-based line of `text` → 0-based line of the body it came from. */
  bodyLine: (line: number) => number;
  /** Body offset of each tag marker's tag. */
  tagOffsets: number[];
}

/**
 * Runs Nunjucks over the body with `protect`ed ranges left alone. On an error,
 * reports it at its line and returns undefined (the body then renders as
 * written).
 */
export function runBodyTemplates(
  body: string,
  protect: ProtectedRanges,
  environment: Environment,
  context: object,
  /** A problem at a 0-based line of the body; `needle` is the text it is about, to find its column. */
  report: (bodyLine: number, needle: string | undefined, message: string) => void,
): TemplatedBody | undefined {
  const hidden = sourcePlaceholders();
  const tagOffsets: number[] = [];
  const [tagOpen, tagClose] = MARKERS.tag;
  let text = "";
  let from = 0;
  for (const [start, end, kind] of ordered(protect)) {
    if (start < from) continue;
    text += body.slice(from, start);
    const piece = body.slice(start, end);
    if (kind === "tag") {
      tagOffsets.push(start);
      const newlines = "\n".repeat(piece.split("\n").length - 1);
      text += `${tagOpen}${encodeMarkerNumber(tagOffsets.length - 1)}${newlines}${tagClose}`;
    } else {
      // One placeholder per line keeps the body's lines, which the line markers count.
      text += piece
        .split("\n")
        .map((line) => (line ? hidden.add(line) : line))
        .join("\n");
    }
    from = end;
  }
  text += body.slice(from);

  // Nunjucks drops the position of a runtime error on a template's first line (line 0 is false to it):
  // a first line of our own keeps the body's from 1. Not whitespace, so that a `{%-` cannot trim it.
  const source = LEAD + markLines(text);
  let rendered: string;
  try {
    rendered = compileLocated(source, environment).render(context);
  } catch (error) {
    const problem = describeNunjucksError(error, source);
    const lineText = problem.line === undefined ? "" : new LineIndex(source).lineText(problem.line);
    // The construct the message is about (its column is not always the construct's start): its text finds its column in the author's line.
    const column = (problem.column ?? 1) - 1;
    const start = Math.max(lineText.lastIndexOf("{{", column), lineText.lastIndexOf("{%", column));
    const construct = /^\{[{%][\s\S]*?[}%]\}/.exec(
      lineText.slice(start >= 0 ? start : column),
    )?.[0];
    const expression = /^\{\{-?([\s\S]*?)-?\}\}$/.exec(construct ?? "")?.[1]?.trim();
    const message =
      problem.message.includes("undefined value") && expression
        ? `Nunjucks: "${expression}" is undefined`
        : problem.message;
    // Line 1 of `source` is the lead line.
    report(problem.line === undefined ? 0 : Math.max(0, problem.line - 2), construct, message);
    return undefined;
  }
  const { text: output, origins } = readLineMarkers(
    rendered.slice(LEAD_MARK.length).replace(/^\n/, ""),
  );
  return {
    text: hidden.restore(output),
    bodyLine: (line) => origins[Math.min(line, origins.length - 1)] ?? 0,
    tagOffsets,
  };
}

function ordered(protect: ProtectedRanges): [number, number, "tag" | "verbatim"][] {
  return [
    ...protect.tags.map(([s, e]) => [s, e, "tag"] as [number, number, "tag"]),
    ...protect.verbatim.map(([s, e]) => [s, e, "verbatim"] as [number, number, "verbatim"]),
  ].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}
