/**
 * Renders the body of one page: shortcodes expanded by us (with located
 * errors), then Nunjucks when the author used its syntax, then markdown-it.
 * Everything found along the way is returned as diagnostics; nothing throws
 * for an author's mistake.
 */
import type { MarkdownIt } from "markdown-it";
import type { Environment } from "nunjucks";
import type { SourceFile } from "../source/frontmatter.js";
import { countWords } from "../core/text.js";
import type { Diagnostic, Location, Severity } from "../core/diagnostics.js";
import { escapeHtml } from "../core/html.js";
import { timed } from "../core/phases.js";
import { withGlossary, type GlossaryLinking } from "../glossary/link-terms.js";
import {
  createEnv,
  type LinkRef,
  type RenderContext,
  type TocEntry,
} from "../markdown/render-context.js";
import { resolveSiteUrl, type ContentFiles } from "../source/content-files.js";
import { pauseOpening, PAUSE_CLOSING } from "../shortcodes/pause.js";
import {
  scanBody,
  type ScanResult,
  type Segment,
  type StringArgument,
} from "../shortcodes/scan-body.js";
import { renderNote } from "../markdown/notes.js";
import type { UiStrings } from "../core/ui-strings.js";
import { markLines, readLineMarkers } from "./line-markers.js";
import { MappedText } from "./mapped-text.js";
import { htmlPlaceholders, sourcePlaceholders } from "./placeholders.js";

/** One citation cluster as written: `{% cite "a", "b, p. 4" %}`. */
export interface CiteCall {
  args: readonly StringArgument[];
  /** Location of each argument. */
  at: readonly Location[];
  report: (at: Location, severity: Severity, rule: string, message: string, hint?: string) => void;
}

/** What a page's citations need from the renderer; provided by the citations module. */
export interface PageCitations {
  /** HTML for one cluster, in document order. */
  cite(call: CiteCall): string;
}

export interface RenderServices {
  md: MarkdownIt;
  ui: UiStrings;
  nunjucks: Environment;
}

export interface RenderedBody {
  html: string;
  toc: TocEntry[];
  wordCount: number;
  diagnostics: Diagnostic[];
  /** Links and image sources, where they were written. */
  links: LinkRef[];
}

type Arity = "one" | "none" | "some";
const SHORTCODES: Record<string, { arity: Arity; usage: string }> = {
  sidenote: { arity: "one", usage: '{% sidenote "text" %}' },
  marginnote: { arity: "one", usage: '{% marginnote "text" %}' },
  pause: { arity: "one", usage: '{% pause "Question?" %} … {% endpause %}' },
  endpause: { arity: "none", usage: "{% endpause %}" },
  cite: { arity: "some", usage: '{% cite "key" %} or {% cite "key1", "key2, p. 4" %}' },
};
export const SHORTCODE_NAMES: ReadonlySet<string> = new Set(Object.keys(SHORTCODES));

export function renderBody(...args: Parameters<typeof renderBodyUntimed>): RenderedBody {
  return timed("markdown", () => renderBodyUntimed(...args));
}

function renderBodyUntimed(
  file: SourceFile,
  services: RenderServices,
  options: {
    citations?: PageCitations;
    nunjucksContext?: object;
    scan?: ScanResult;
    glossary?: GlossaryLinking;
    /** The page's URL and the course's files, for image sizes. */
    page?: { url: string; files: ContentFiles };
  } = {},
): RenderedBody {
  const { md, ui } = services;
  const body = file.body;
  const diagnostics: Diagnostic[] = [];
  const toc: TocEntry[] = [];
  const links: LinkRef[] = [];
  const page = options.page;
  const imageSize = page
    ? (src: string) => {
        const target = resolveSiteUrl(src, page.url);
        return target ? page.files.imageSize(target.path) : undefined;
      }
    : undefined;
  const shared = { links, ...(imageSize ? { imageSize } : {}) };
  const out = new MappedText(body, file.bodyLine);
  const html = htmlPlaceholders();
  const hidden = sourcePlaceholders();

  const locateOffset = (offset: number): Location => {
    const line = out.lineOf(offset);
    const lineStart = body.lastIndexOf("\n", offset - 1) + 1;
    return { file: file.path, line, column: offset - lineStart + 1 };
  };
  const report = (
    at: Location,
    severity: Severity,
    rule: string,
    message: string,
    hint?: string,
  ) => {
    diagnostics.push({ ...at, severity, rule, message, ...(hint === undefined ? {} : { hint }) });
  };
  /** Renders a shortcode's Markdown text, locating its problems at the argument. */
  const renderInline = (arg: StringArgument): string => {
    const at = locateOffset(arg.offset);
    const env = createEnv({ file: file.path, diagnostics, toc: [], locate: () => at, ...shared });
    return md.renderInline(arg.value, env);
  };

  const scan = options.scan ?? scanBody(body, SHORTCODE_NAMES);
  for (const problem of scan.problems) {
    report(locateOffset(problem.offset), "error", problem.rule, problem.message, problem.hint);
  }

  let words = 0;
  let sidenotes = 0;
  let marginnotes = 0;
  const openPauses: number[] = [];

  for (const segment of scan.segments) {
    if (segment.kind === "text" || segment.kind === "nunjucks") {
      out.copy(segment.start, segment.end);
      if (segment.kind === "text") words += countWords(body.slice(segment.start, segment.end));
      continue;
    }
    if (segment.kind === "broken") {
      // Already reported; shown as written, and kept away from markdown-it-attrs.
      const raw = body.slice(segment.start, segment.end);
      out.insert(
        html.add(`<code class="shortcode-error">${escapeHtml(raw)}</code>`),
        segment.start,
      );
      continue;
    }
    if (segment.kind === "protected") {
      if (scan.needsNunjucks) {
        // One marker per line keeps the line structure through Nunjucks.
        const lines = body.slice(segment.start, segment.end).split("\n");
        out.insert(lines.map((l) => hidden.add(l)).join("\n"), segment.start);
      } else {
        out.copy(segment.start, segment.end);
      }
      continue;
    }

    const spec = SHORTCODES[segment.name]!;
    const at = locateOffset(segment.start);
    for (const arg of segment.args) {
      for (const lost of arg.lostEscapes) warnLostEscape(lost, locateOffset(lost.offset), report);
    }
    if (!arityOk(spec.arity, segment.args.length)) {
      report(at, "error", "shortcode-arguments", arityMessage(segment, spec.arity, spec.usage));
      continue;
    }
    words += segment.args.reduce((n, a) => n + countWords(a.value), 0);
    out.insert(expand(segment), segment.start);
  }

  for (const offset of openPauses) {
    report(
      locateOffset(offset),
      "error",
      "shortcode-unclosed",
      "Unclosed {% pause %}: expected {% endpause %} after it",
    );
    out.insert(`\n\n${PAUSE_CLOSING}\n`, body.length);
  }

  function expand(tag: Extract<Segment, { kind: "tag" }>): string {
    const [first] = tag.args;
    switch (tag.name) {
      case "sidenote":
      case "marginnote": {
        const sidenote = tag.name === "sidenote";
        const index = sidenote ? ++sidenotes : ++marginnotes;
        const label = sidenote ? ui.sidenote : ui.marginNote;
        return html.add(
          renderNote({ kind: tag.name, index, label, contentHtml: renderInline(first!) }),
        );
      }
      case "pause":
        openPauses.push(tag.start);
        return `\n\n${pauseOpening(ui.pauseAndThink, html.add(renderInline(first!)))}\n\n`;
      case "endpause":
        if (openPauses.pop() === undefined) {
          report(
            locateOffset(tag.start),
            "error",
            "shortcode-unopened",
            "{% endpause %} without a {% pause %} before it",
          );
          return "";
        }
        return `\n\n${PAUSE_CLOSING}\n\n`;
      case "cite": {
        if (!options.citations) {
          report(
            locateOffset(tag.start),
            "error",
            "cite-no-bibliography",
            "Citation found, but the course has no bibliography (_data/references.bib or _data/references.json)",
          );
          return "";
        }
        return html.add(
          options.citations.cite({
            args: tag.args,
            at: tag.args.map((a) => locateOffset(a.offset + 1)),
            report,
          }),
        );
      }
      default:
        return "";
    }
  }

  let markdown = out.toString();
  /** Source line of a 0-based line of the Markdown handed to markdown-it. */
  let sourceLine = (markdownLine: number | undefined) => out.sourceLine(markdownLine);
  if (scan.needsNunjucks) {
    const rendered = runNunjucks(
      services.nunjucks,
      markLines(markdown),
      options.nunjucksContext ?? {},
    );
    if ("error" in rendered) {
      const line = rendered.line === undefined ? file.bodyLine : out.sourceLine(rendered.line - 1);
      report({ file: file.path, line, column: 1 }, "error", "nunjucks", rendered.error);
      // Show the Nunjucks as written, away from markdown-it-attrs (which would read `{% … %}` as attributes).
      markdown = markdown.replace(/\{[{%#][\s\S]*?[}%#]\}/g, (raw) =>
        html.add(`<code class="shortcode-error">${escapeHtml(raw)}</code>`),
      );
    } else {
      const { text, origins } = readLineMarkers(rendered.text);
      markdown = text;
      sourceLine = (markdownLine) =>
        out.sourceLine(markdownLine === undefined ? undefined : origins[markdownLine]);
    }
    markdown = hidden.restore(markdown);
  }

  const context: RenderContext = {
    file: file.path,
    diagnostics,
    toc,
    ...shared,
    locate: (markdownLine, needle) => {
      const line = sourceLine(markdownLine);
      const text = file.lines.lineText(line);
      // Case-insensitively: HTML attribute names are reported lower-cased.
      const found = needle ? text.toLowerCase().indexOf(needle.toLowerCase()) : -1;
      return { file: file.path, line, column: found >= 0 ? found + 1 : firstNonSpace(text) };
    },
  };
  const env = options.glossary
    ? withGlossary(createEnv(context), options.glossary)
    : createEnv(context);
  const rendered = html.restore(md.render(markdown, env));
  for (const entry of toc) entry.html = html.strip(entry.html);
  return { html: rendered, toc, wordCount: words, diagnostics, links };
}

/** Renders with Nunjucks; on failure, the message and (1-based) line of the problem. */
function runNunjucks(
  env: Environment,
  text: string,
  context: object,
): { text: string } | { error: string; line: number | undefined } {
  try {
    return { text: env.renderString(text, context) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /\[Line (\d+), Column (\d+)\]/.exec(message);
    const detail =
      message
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)
        .at(-1) ?? message;
    // Nunjucks counts lines from 1 in syntax errors but from 0 in runtime ("Error: …") ones.
    const runtime = detail.startsWith("Error:");
    const line = position ? Number(position[1]) + (runtime ? 1 : 0) : undefined;
    return { error: `Nunjucks: ${detail.replace(/^Error: /, "")}`, line };
  }
}

function arityOk(arity: Arity, count: number): boolean {
  return arity === "one" ? count === 1 : arity === "none" ? count === 0 : count >= 1;
}

function arityMessage(tag: Extract<Segment, { kind: "tag" }>, arity: Arity, usage: string): string {
  const expected =
    arity === "one"
      ? "one quoted string"
      : arity === "none"
        ? "no arguments"
        : "one or more quoted strings";
  return `{% ${tag.name} %} takes ${expected}, found ${tag.args.length}: write ${usage}`;
}

function warnLostEscape(
  lost: StringArgument["lostEscapes"][number],
  at: Location,
  report: (at: Location, severity: Severity, rule: string, message: string, hint?: string) => void,
): void {
  const becomes =
    lost.sequence === "\\n"
      ? "a line break"
      : lost.sequence === "\\t"
        ? "a tab"
        : lost.sequence === "\\r"
          ? "a carriage return"
          : `"${lost.sequence.slice(1)}"`;
  report(
    at,
    "warning",
    "shortcode-string-escape",
    `In a shortcode string, "${lost.sequence}" becomes ${becomes}`,
    `write "\\${lost.sequence}" to keep the backslash (TeX in shortcode strings needs every backslash doubled)`,
  );
}

function firstNonSpace(text: string): number {
  const match = /\S/.exec(text);
  return match ? match.index + 1 : 1;
}
