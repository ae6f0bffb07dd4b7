/** Renders one body as a page of a course would, for unit tests of the body pipeline. */
import { parseHTML } from "linkedom";
import { expect } from "vitest";
import type { Diagnostic } from "../../src/core/diagnostics.js";
import { DEFAULT_UI_STRINGS, type UiStrings } from "../../src/core/ui-strings.js";
import { createTemplateEnvironment } from "../../src/render/body-templates.js";
import { bodyMarkdown } from "../../src/render/create-renderer.js";
import {
  renderBody,
  resolveCitations,
  type RenderBodyOptions,
} from "../../src/render/render-body.js";
import type { CiteCall } from "../../src/shortcodes/shortcode-env.js";
import { parseSourceFile } from "../../src/source/frontmatter.js";
import { temporaryCourses } from "./temporary-course.js";

export const PATH = "content/topics/a.md";
/** Four lines: the body starts on line 5 of the file. */
export const FRONTMATTER = "---\ntitle: T\ndescription: D\n---\n";
export const SITE = { site: { title: "My Course" } };

export interface RenderOptions {
  /** `bodyTemplates: true`, with this context. */
  templates?: object;
  /** The course has a bibliography; each cluster renders as this. */
  cite?: (call: CiteCall) => string;
  ui?: UiStrings;
}

/** A renderer whose `bodyTemplates` include from a course folder holding `files`; call at a test file's top level. */
export function bodyRenderer(files: Record<string, string> = {}) {
  const root = temporaryCourses("render")(files);
  const environment = createTemplateEnvironment(`${root}/_includes`);
  return (body: string, options: RenderOptions = {}, frontmatter = FRONTMATTER) => {
    const { file, diagnostics: parseProblems } = parseSourceFile(PATH, frontmatter + body);
    expect(parseProblems).toEqual([]);
    const renderOptions: RenderBodyOptions = {
      ui: options.ui ?? DEFAULT_UI_STRINGS,
      citations: options.cite !== undefined,
      ...(options.templates ? { templates: { environment, context: options.templates } } : {}),
    };
    const result = renderBody(file, bodyMarkdown(), renderOptions);
    const html = options.cite ? resolveCitations(result, options.cite) : result.html;
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    return { ...result, html, document };
  };
}

/** `line:column severity rule message [hint]`, for compact assertions. */
export const brief = (diagnostics: Diagnostic[]) =>
  diagnostics.map(
    (d) =>
      `${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}${d.hint ? ` [${d.hint}]` : ""}`,
  );
