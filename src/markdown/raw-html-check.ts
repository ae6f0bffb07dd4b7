/**
 * Checks the HTML a body will put on the page, and the URLs of its Markdown
 * links and images.
 *
 * Raw HTML is judged on the whole rendered body (`checkRenderedHtml`), parsed
 * as the browser will parse it (core/html-policy.ts): a check of each raw
 * token on its own cannot see a comment, `<noscript>` or attribute opened in
 * one token and closed in another, which is how such checks are walked
 * around. Each problem found there is located by finding its tag's text among
 * the raw HTML tokens, which markdown-it copies verbatim from the source.
 *
 * While parsing, this core rule records those tokens, and, token by token
 * (with parse5's tokenizer, core/html-scan.ts): the `style` attributes an
 * author wrote (an error, as `{style=…}` is: our own HTML, KaTeX's, keeps its
 * styles) and the raw `<a href>` and `<img src>`, for the link check.
 */
import type { Env, MarkdownIt, StateCore, Token } from "markdown-it";
import type { Diagnostic, Location } from "../core/diagnostics.js";
import { scanHtml } from "../core/html-scan.js";
import { fragmentProblems, type PolicyProblem } from "../core/html-policy.js";
import { externalResourceProblem, type PolicyOptions } from "../core/html-url-policy.js";
import { isSafeImageSource, isSafeLink } from "../core/urls.js";
import { contentMapper, inlineLine, lineStartsOf, tokenRange } from "./inline-lines.js";
import {
  contextOf,
  recordLink,
  reportAt,
  tokenPosition,
  type RenderContext,
  type Where,
} from "./render-context.js";

/** A raw HTML token of a render, and how to find an offset of its content in the author's file. */
interface RawHtml {
  content: string;
  locate: (context: RenderContext, offset: number, needle: string) => Location;
}

/** What the check keeps for one render, on its env (as markdown/nesting.ts keeps its own). */
interface RawHtmlState {
  /** The raw HTML tokens of the render. */
  tokens: RawHtml[];
  /** How deep in renders a render is (a figure's caption is rendered inside its body). */
  depth: number;
  /** The site's options for the check (`embeds`); none is the strictest: no iframe at all. */
  policy: PolicyOptions;
  /** The elements of the page the render is placed in, outermost first (see BODY_PLACE). */
  place?: readonly string[];
}

/**
 * Where a body lands on the page (_includes/layouts/article.njk, page.njk,
 * base.njk): an end tag that closes one of these moves what follows out of
 * the article, and is reported.
 */
export const BODY_PLACE: readonly string[] = ["body", "main", "article", "div.article-body"];
/** Where an inline render lands when its caller says nothing: in a paragraph of a body. */
export const INLINE_PLACE: readonly string[] = [...BODY_PLACE, "p", "span"];

const STATE = "syllabusRawHtml";

function stateOf(env: Env): RawHtmlState {
  return (env[STATE] ??= { tokens: [], depth: 0, policy: {} }) as RawHtmlState;
}

/**
 * The render's context, which raw HTML needs: without one, its problems could
 * not be reported, and the HTML would be published unchecked. That is a bug
 * in the caller (every render of content is given one), so it throws.
 */
function requireContext(env: Env): RenderContext {
  const context = contextOf(env);
  if (!context) {
    throw new Error(
      "Raw HTML rendered without a RenderContext (createEnv): its check could not report anything",
    );
  }
  return context;
}

/**
 * Sets the options the rendered HTML of a render is checked with (the iframes
 * it may embed), and, for a render that is not a body's, the elements of the
 * page it is placed in (a glossary definition: `["body", "dl", "div", "dd"]`).
 */
export function withHtmlPolicy(env: Env, options: PolicyOptions, place?: readonly string[]): Env {
  const state = stateOf(env);
  state.policy = options;
  if (place) state.place = place;
  return env;
}

function linesBefore(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Where an author's `style=` is in a start tag, from the tag's start. */
const STYLE_ATTRIBUTE = /[\s"'/]style\s*(?==|[\s/>])/i;

export const RAW_STYLE_MESSAGE =
  'Attribute "style" is not allowed: give the element a class, styled by the course\'s CSS';

export function rawHtmlCheckPlugin(md: MarkdownIt): void {
  /** Where something at `offset` in an html token is: the inline token itself on its first line, else by line. */
  const whereIn = (token: Token, line: number | undefined, offset: number): Where => {
    const before = linesBefore(token.content, offset);
    if (before === 0 && tokenPosition(token)) return token;
    return line === undefined ? undefined : line + before;
  };

  const checkHtml = (state: StateCore, token: Token, line: number | undefined) => {
    const env = state.env;
    // A parse alone (a test reading tokens) may have no context; a render of it throws below.
    const context = contextOf(env);
    const raw = locator(state, token, line);
    stateOf(env).tokens.push(raw);
    const html = token.content;
    if (!/style|<a|<img/i.test(html)) return;
    for (const range of scanHtml(html)) {
      if (range.kind !== "tag" || range.closing || !range.attributes) continue;
      for (const { name, value } of range.attributes) {
        if (name === "style") {
          const tag = html.slice(range.start, range.end);
          const at = range.start + (STYLE_ATTRIBUTE.exec(tag)?.index ?? -1) + 1;
          context?.diagnostics.push({
            ...raw.locate(context, at, "style"),
            severity: "error",
            rule: "attribute-not-allowed",
            message: RAW_STYLE_MESSAGE,
          });
        }
        const kind =
          range.name === "a" && name === "href"
            ? "link"
            : range.name === "img" && name === "src"
              ? "image"
              : undefined;
        if (kind && value) recordLink(env, value, kind, whereIn(token, line, range.start));
      }
    }
  };

  const checkUrl = (token: Token, line: Where, env: Env | undefined) => {
    const name = token.type === "image" ? "src" : "href";
    const url = token.attrGet(name);
    if (url === null) return;
    const image = token.type === "image";
    const safe = image ? isSafeImageSource(String(url)) : isSafeLink(String(url));
    const external = image ? externalResourceProblem("img", "src", String(url)) : undefined;
    if (safe && !external) {
      recordLink(env, String(url), image ? "image" : "link", line);
      return;
    }
    if (external)
      reportAt(
        env,
        line,
        "error",
        external.rule,
        external.message,
        String(url).slice(0, 20),
        external.hint,
      );
    else {
      reportAt(
        env,
        line,
        "error",
        "unsafe-url",
        `Unsafe URL ${JSON.stringify(url)}: only http(s), mailto and relative URLs are allowed`,
        String(url).slice(0, 20),
      );
    }
    // Reported once: the check of the rendered HTML sees a harmless target.
    token.attrSet(name, "#");
  };

  md.core.ruler.push("syllabus_raw_html_check", (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type === "html_block") checkHtml(state, token, token.map?.[0]);
      for (const child of token.children ?? []) {
        const line = inlineLine(child) ?? token.map?.[0];
        if (child.type === "html_inline") checkHtml(state, child, line);
        else if (child.type === "link_open" || child.type === "image")
          checkUrl(child, tokenPosition(child) ? child : line, state.env);
      }
    }
  });

  // Every top-level render is checked once it is whole: a body (`md.render`,
  // held in a <div>) or an inline fragment (`md.renderInline`, in a <span>).
  // A render inside a render (a figure's caption) is part of the outer one.
  const render = md.renderer.render.bind(md.renderer);
  md.renderer.render = (tokens, options, env: Env | undefined) => {
    // markdown-it gives every render an env (`{}` when the caller gave none).
    const state = stateOf(env ?? {});
    const depth = state.depth;
    state.depth = depth + 1;
    try {
      const html = render(tokens, options, env);
      if (depth === 0 && env) {
        // Raw HTML without a context (createEnv) would be published unchecked: requireContext throws.
        const inline = tokens.length === 1 && tokens[0]?.type === "inline";
        checkRenderedHtml(html, env, stateOf(env).place ?? (inline ? INLINE_PLACE : BODY_PLACE));
      }
      return html;
    } finally {
      state.depth = depth;
    }
  };

  // markdown-it silently turns `[x](javascript:…)` into text; accept every
  // target at parse time so the check above can report it instead.
  md.validateLink = () => true;
}

/**
 * How to locate offsets of a raw token's content: through its offsets in the
 * Markdown (exact in the author's file, or its line after a Nunjucks pass);
 * else by its line and the needle.
 */
function locator(state: StateCore, token: Token, line: number | undefined): RawHtml {
  const env = state.env;
  const content = token.content;
  let markdownOffset: ((offset: number) => number | undefined) | undefined;
  if (token.type === "html_block" && token.map) {
    const map = token.map;
    let mapper: ReturnType<typeof contentMapper> | undefined;
    markdownOffset = (offset) =>
      (mapper ??= contentMapper(
        state.src,
        lineStartsOf(state.src),
        content,
        map[0],
        env,
      )).markdownOffset(offset);
  } else if (token.type === "html_inline") {
    const range = tokenRange(token);
    // Exact on the token's first line; its later lines lost their container markers (`> `).
    if (range)
      markdownOffset = (offset) =>
        linesBefore(content, offset) === 0 ? range[0] + offset : undefined;
  }
  return {
    content,
    locate: (context, offset, needle) => {
      const markdown = markdownOffset?.(offset);
      const position = markdown === undefined ? undefined : context.positionOf?.(markdown);
      if (position && context.locatePosition) {
        // A column is exact; without one (after Nunjucks) the needle finds it on the line.
        return context.locatePosition(position, position.column === undefined ? needle : undefined);
      }
      const at = tokenPosition(token);
      const before = linesBefore(content, offset);
      if (at && before === 0 && context.locatePosition) return context.locatePosition(at, needle);
      return context.locate(line === undefined ? undefined : line + before, needle);
    },
  };
}

/**
 * Checks the HTML rendered from a body (or another fragment) with raw HTML in
 * it, as it will sit in a `<context>` element of the page, and reports each
 * problem where it was written. Without raw HTML every tag is ours and every
 * text escaped: nothing is parsed.
 */
function checkRenderedHtml(html: string, env: Env, context: readonly string[]): void {
  const { tokens: raw, policy } = stateOf(env);
  if (raw.length === 0) return;
  const render = requireContext(env);
  for (const problem of fragmentProblems(html, context, policy)) {
    const at = locateProblem(html, problem, raw, render);
    // A raw `style` is already an error where it was written: its URLs need no second report.
    if (problem.needle === "style" && render.diagnostics.some((d) => isRawStyleAt(d, at))) continue;
    render.diagnostics.push({
      ...at,
      severity: "error",
      rule: problem.rule,
      message: problem.message,
      ...(problem.hint === undefined ? {} : { hint: problem.hint }),
    });
  }
}

function isRawStyleAt(diagnostic: Diagnostic, at: Location): boolean {
  return (
    diagnostic.rule === "attribute-not-allowed" &&
    diagnostic.file === at.file &&
    diagnostic.line === at.line &&
    diagnostic.column === at.column
  );
}

/**
 * The n-th occurrence of the problem's tag in the rendered HTML is taken to be
 * the n-th among the raw tokens (raw HTML is copied as written); a tag that is
 * not among them (built from Markdown) is placed at the first raw token.
 */
function locateProblem(
  html: string,
  problem: PolicyProblem,
  raw: readonly RawHtml[],
  context: RenderContext,
): Location {
  const span = problem.span ?? { start: problem.offset, end: problem.offset };
  const whole = html.slice(span.start, span.end);
  const firstLine = whole.split("\n")[0] ?? "";
  const inTag = Math.max(problem.offset - span.start, 0);
  for (const tag of whole && whole !== firstLine ? [whole, firstLine] : [whole]) {
    if (!tag || inTag > tag.length) continue;
    let n = occurrences(html.slice(0, span.start), tag);
    for (const token of raw) {
      let at = token.content.indexOf(tag);
      while (at >= 0 && n > 0) {
        n--;
        at = token.content.indexOf(tag, at + 1);
      }
      if (at >= 0) return token.locate(context, at + inTag, problem.needle);
    }
  }
  return raw[0]?.locate(context, 0, problem.needle) ?? context.locate(undefined);
}

function occurrences(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
  return n;
}
