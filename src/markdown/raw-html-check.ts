/** Reports unsafe raw HTML and unsafe Markdown link targets found while parsing. */
import type { Env, MarkdownIt, StateCore, Token } from "markdown-it";
import { isSafeImageSource, isSafeLink } from "../core/urls.js";
import { inspectHtml } from "./html-safety.js";
import { inlineLine } from "./inline-lines.js";
import { recordLink, reportAt, tokenPosition, type Where } from "./render-context.js";

function linesBefore(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

export function rawHtmlCheckPlugin(md: MarkdownIt): void {
  /** Where something at `offset` in an html token is: the inline token itself on its first line, else by line. */
  const whereIn = (token: Token, line: number | undefined, offset: number): Where => {
    const before = linesBefore(token.content, offset);
    if (before === 0 && tokenPosition(token)) return token;
    return line === undefined ? undefined : line + before;
  };

  const checkHtml = (token: Token, line: number | undefined, env: Env | undefined) => {
    const { problems, urls } = inspectHtml(token.content);
    for (const problem of problems) {
      reportAt(
        env,
        whereIn(token, line, problem.offset),
        "error",
        "unsafe-html",
        problem.message,
        problem.needle,
      );
    }
    for (const found of urls)
      recordLink(env, found.url, found.kind, whereIn(token, line, found.offset));
  };

  const checkUrl = (token: Token, line: Where, env: Env | undefined) => {
    const name = token.type === "image" ? "src" : "href";
    const url = token.attrGet(name);
    if (url === null) return;
    const safe = token.type === "image" ? isSafeImageSource(String(url)) : isSafeLink(String(url));
    if (safe) {
      recordLink(env, String(url), token.type === "image" ? "image" : "link", line);
      return;
    }
    reportAt(
      env,
      line,
      "error",
      "unsafe-url",
      `Unsafe URL ${JSON.stringify(url)}: only http(s), mailto and relative URLs are allowed`,
      String(url).slice(0, 20),
    );
    token.attrSet(name, "#");
  };

  md.core.ruler.push("syllabus_raw_html_check", (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type === "html_block") checkHtml(token, token.map?.[0], state.env);
      for (const child of token.children ?? []) {
        const line = inlineLine(child) ?? token.map?.[0];
        if (child.type === "html_inline") checkHtml(child, line, state.env);
        else if (child.type === "link_open" || child.type === "image")
          checkUrl(child, tokenPosition(child) ? child : line, state.env);
      }
    }
  });

  // markdown-it silently turns `[x](javascript:…)` into text; accept every
  // target at parse time so the check above can report it instead.
  md.validateLink = () => true;
}
