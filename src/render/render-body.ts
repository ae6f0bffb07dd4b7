/**
 * Renders the body of one page: Markdown with our shortcodes, parsed once by
 * the configured markdown-it (which alone decides what is code, math, a
 * comment or text), and, when the course turns on `bodyTemplates`, a
 * Nunjucks pass over the source first. Everything found along the way is
 * returned as located diagnostics; nothing throws for an author's mistake.
 * Citations are left as markers, formatted once the whole course is known.
 */
import type { Environment } from "nunjucks";
import type { Diagnostic, Location } from "../core/diagnostics.js";
import { htmlPlaceholders, RESERVED_CHARACTERS } from "../core/markers.js";
import { timed } from "../core/phases.js";
import {
  CONTROL_CHARACTER,
  CONTROL_CHARACTER_HINT,
  CONTROL_CHARACTER_RULE,
} from "../schema/text.js";
import { codePoint, LineIndex } from "../core/text.js";
import type { UiStrings } from "../core/ui-strings.js";
import { withGlossary, type GlossaryLinking } from "../glossary/link-terms.js";
import {
  createEnv,
  type LinkRef,
  type RenderContext,
  type SourcePosition,
  type TocEntry,
} from "../markdown/render-context.js";
import { withHtmlPolicy } from "../markdown/raw-html-check.js";
import {
  createShortcodeEnv,
  withShortcodes,
  type CiteCall,
  type ShortcodeEnv,
} from "../shortcodes/shortcode-env.js";
import { resolveSiteUrl, type ContentFiles } from "../source/content-files.js";
import type { SourceFile } from "../source/frontmatter.js";
import { runBodyTemplates, type TemplatedBody } from "./body-templates.js";
import type { BodyMarkdown } from "./create-renderer.js";

export interface RenderBodyOptions {
  ui: UiStrings;
  /** `bodyTemplates`: the body is a Nunjucks template, run before Markdown in this environment and context. */
  templates?: { environment: Environment; context: object } | undefined;
  /** Whether the course has a bibliography: citations are then collected, to be formatted later. */
  citations: boolean;
  glossary?: GlossaryLinking | undefined;
  /** The page's URL and the course's files, for image sizes. */
  page?: { url: string; files: ContentFiles } | undefined;
  /** Origins whose pages raw `<iframe>`s may embed (site.json's `embeds`). */
  embeds?: readonly string[] | undefined;
}

export interface RenderedBody {
  /** The page's HTML; each citation cluster is a marker until `resolveCitations`. */
  html: string;
  toc: TocEntry[];
  wordCount: number;
  diagnostics: Diagnostic[];
  /** Links and image sources, where they were written. */
  links: LinkRef[];
  /** Citation clusters in document order. */
  citations: CiteCall[];
}

export function renderBody(
  file: SourceFile,
  md: BodyMarkdown,
  options: RenderBodyOptions,
): RenderedBody {
  return timed("markdown", () => renderBodyUntimed(file, md, options));
}

/** A shortcode environment for one render of `file`, defaults overridden. */
function shortcodeState(file: SourceFile, overrides: Partial<ShortcodeEnv>): ShortcodeEnv {
  return createShortcodeEnv(file.body, bodyPositions(file), overrides);
}

function bodyPositions(file: SourceFile): (offset: number) => SourcePosition {
  const bodyStart = file.text.length - file.body.length;
  return (offset) => ({ ...file.lines.position(bodyStart + Math.min(offset, file.body.length)) });
}

/**
 * With `bodyTemplates`: the Markdown Nunjucks makes of the body, with what
 * markdown-it's parse of the body reads as code, math or a comment left as
 * written. A first parse finds those; its output and problems are not kept.
 * On a Nunjucks error, reports it and returns undefined.
 */
export function templateBody(
  file: SourceFile,
  md: BodyMarkdown,
  templates: NonNullable<RenderBodyOptions["templates"]>,
  diagnostics: Diagnostic[],
): TemplatedBody | undefined {
  const collect = { verbatim: [], tags: [] };
  const first = context(file, file.body, (line) => line, "source", []);
  md.parse(
    file.body,
    withShortcodes(createEnv(first), shortcodeState(file, { collect, cite: () => "" })),
  );
  return runBodyTemplates(
    file.body,
    collect,
    templates.environment,
    templates.context,
    (line, needle, message) => {
      diagnostics.push({
        ...locateLine(file, file.bodyLine + line, needle),
        severity: "error",
        rule: "nunjucks",
        message,
      });
    },
  );
}

/**
 * The file with every reserved character (see core/markers.ts) and every
 * control character (invisible in an editor, and invalid in the XML of the
 * feed and search index) reported and replaced by U+FFFD, so that none is read
 * as a marker or published. The same length, so every position stays where
 * it was.
 */
function withoutReservedCharacters(file: SourceFile, diagnostics: Diagnostic[]): SourceFile {
  if (!RESERVED_CHARACTERS.test(file.body) && !CONTROL_CHARACTER.test(file.body)) return file;
  const every = new RegExp(`${RESERVED_CHARACTERS.source}|${CONTROL_CHARACTER.source}`, "g");
  const bodyStart = file.text.length - file.body.length;
  for (const match of file.body.matchAll(every)) {
    const code = codePoint(match[0]);
    const reserved = RESERVED_CHARACTERS.test(match[0]);
    diagnostics.push({
      file: file.path,
      ...file.lines.position(bodyStart + match.index),
      severity: "error",
      ...(reserved
        ? {
            rule: "reserved-character",
            message: `Character ${code} is reserved: Syllabus uses it to mark text while rendering`,
            hint: `write it as &#x${code.slice(2)}; if the page must show it`,
          }
        : {
            rule: CONTROL_CHARACTER_RULE,
            message: `Unexpected control character ${code} in the body`,
            hint: CONTROL_CHARACTER_HINT,
          }),
    });
  }
  return { ...file, body: file.body.replace(every, "\ufffd") };
}

function renderBodyUntimed(
  written: SourceFile,
  md: BodyMarkdown,
  options: RenderBodyOptions,
): RenderedBody {
  const diagnostics: Diagnostic[] = [];
  const file = withoutReservedCharacters(written, diagnostics);
  const citations: CiteCall[] = [];
  const markers = htmlPlaceholders();
  const templated = options.templates && templateBody(file, md, options.templates, diagnostics);
  const render = templated
    ? context(file, templated.text, templated.bodyLine, "rendered", diagnostics)
    : context(file, file.body, (line) => line, "source", diagnostics);
  render.ui = options.ui;
  if (options.page) {
    const { url, files } = options.page;
    render.imageSize = (src) => {
      const target = resolveSiteUrl(src, url);
      return target ? files.imageSize(target.path) : undefined;
    };
  }
  const state = shortcodeState(file, {
    mode: templated ? "rendered" : "source",
    tagOffsets: templated?.tagOffsets ?? [],
    // A failed Nunjucks pass is reported: the body then renders as written, without a warning for each construct.
    nunjucksWarnings: !options.templates,
    cite: options.citations
      ? (call) => {
          citations.push(call);
          return markers.add(String(citations.length - 1));
        }
      : undefined,
  });
  const env = withShortcodes(createEnv(render), state);
  if (options.glossary) withGlossary(env, options.glossary);
  // The rendered HTML is checked as the browser will read it (markdown/raw-html-check.ts).
  withHtmlPolicy(env, { embeds: options.embeds ?? [] });
  const html = md.render(templated ? templated.text : file.body, env);
  return {
    html,
    toc: render.toc,
    wordCount: state.words,
    diagnostics,
    links: render.links ?? [],
    citations,
  };
}

/** The HTML with each citation marker replaced by its cluster's HTML, formatted in document order. */
export function resolveCitations(body: RenderedBody, format: (call: CiteCall) => string): string {
  if (body.citations.length === 0) return body.html;
  const markers = htmlPlaceholders();
  for (const call of body.citations) markers.add(format(call));
  return markers.restore(body.html);
}

/**
 * How positions in the Markdown being rendered map to the author's file. In
 * `source` mode the Markdown is the body; after a Nunjucks pass only lines
 * are known (through the line markers), and columns are found by what the
 * problem is about.
 */
function context(
  file: SourceFile,
  markdown: string,
  bodyLine: (markdownLine: number) => number,
  mode: ShortcodeEnv["mode"],
  diagnostics: Diagnostic[],
): RenderContext {
  const bodyPosition = bodyPositions(file);
  const lines = new LineIndex(markdown);
  const sourceLine = (markdownLine: number | undefined) =>
    file.bodyLine + bodyLine(markdownLine ?? 0);
  return {
    file: file.path,
    diagnostics,
    links: [],
    toc: [],
    locate: (markdownLine, needle) => locateLine(file, sourceLine(markdownLine), needle),
    positionOf: (offset) =>
      mode === "source"
        ? bodyPosition(offset)
        : { line: sourceLine(lines.position(offset).line - 1), column: undefined },
    locatePosition: (position, needle) => {
      const text = file.lines.lineText(position.line);
      const from = (position.column ?? 1) - 1;
      const lower = text.toLowerCase();
      // In a shortcode's string the needle was written escaped (`\\frac`, `\"`): look for it so first.
      const needles = needle
        ? position.inString
          ? [needle.replace(/[\\"]/g, "\\$&"), needle]
          : [needle]
        : [];
      const found =
        needles.map((n) => lower.indexOf(n.toLowerCase(), from)).find((i) => i >= 0) ?? -1;
      const column = found >= 0 ? found + 1 : (position.column ?? firstNonSpace(text));
      return { file: file.path, line: position.line, column };
    },
  };
}

/** A line of the file; with a needle, at the column where it appears (case-insensitively: HTML names are lower-cased). */
function locateLine(file: SourceFile, line: number, needle: string | undefined): Location {
  const text = file.lines.lineText(line);
  const found = needle ? text.toLowerCase().indexOf(needle.toLowerCase()) : -1;
  return { file: file.path, line, column: found >= 0 ? found + 1 : firstNonSpace(text) };
}

function firstNonSpace(text: string): number {
  const match = /\S/.exec(text);
  return match ? match.index + 1 : 1;
}
