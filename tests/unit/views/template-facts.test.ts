/**
 * Templates display, they don't compute: every fact a layout shows comes from
 * the `syllabus` global (src/views/site-data.ts), never from a copy in the
 * template. These read every file under _includes/ (comments removed) and
 * fail on a copied fact: a site-path literal, a difficulty, a block colour,
 * the social card's size, the error overlay's limit.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_FOLDERS, SITE_PATHS } from "../../../src/core/urls.js";
import { CARD_HEIGHT, CARD_WIDTH } from "../../../src/publish/social-cards.js";
import { DIFFICULTIES } from "../../../src/schema/frontmatter.js";
import { PROBLEMS_SHOWN } from "../../../src/views/problems-view.js";

const INCLUDES = path.resolve(import.meta.dirname, "../../../_includes");

const TEMPLATES = readdirSync(INCLUDES, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".njk"))
  .map((file) => file.split(path.sep).join("/"))
  .sort();

/** A template's text without its `{# … #}` comments, which may mention paths to explain them. */
function templateText(file: string): string {
  return readFileSync(path.join(INCLUDES, file), "utf8").replace(/\{#[\s\S]*?#\}/g, "");
}

/**
 * Quoted strings (attribute values, Nunjucks strings) that start with a site
 * path: a single `/` (not `//host`), or a file Syllabus writes named without
 * its slash (`"feed.xml"`).
 */
function sitePathLiterals(text: string): string[] {
  const written = Object.values(SITE_PATHS)
    .filter((p) => p !== SITE_PATHS.home)
    .map((p) => p.replace(/^\/|\/$/g, ""));
  const folders = GENERATED_FOLDERS.map((f) => f.replace(/^\/|\/$/g, ""));
  const found: string[] = [];
  for (const [, , value] of text.matchAll(/(["'])(.*?)\1/g)) {
    if (value === undefined) continue;
    const bare = value.replace(/^\.?\//, "");
    if (
      /^\/(?!\/)/.test(value) ||
      written.some(
        (p) =>
          // A file by its name (`feed.xml`); a folder only with its slash (`search/`, not `role="search"`).
          (bare === p && /[._]/.test(p)) || bare.startsWith(`${p}/`) || bare.startsWith(`${p}#`),
      ) ||
      folders.some((f) => bare.startsWith(`${f}/`))
    )
      found.push(value);
  }
  return found;
}

describe("sitePathLiterals", () => {
  it("finds a site path written in a template", () => {
    expect(
      sitePathLiterals(
        `<a href="/">Home</a> <form action="/search/"> <link href='/feed.xml'> ` +
          `<a href="/topics/{{ slug }}/"> {% set x = "graph/#node-a" %} <img src="assets/x.png"> ` +
          `<link href="favicon.svg"> <form role="search">`,
      ),
    ).toStrictEqual([
      "/",
      "/search/",
      "/feed.xml",
      "/topics/{{ slug }}/",
      "graph/#node-a",
      "assets/x.png",
      "favicon.svg",
    ]);
  });

  it("accepts paths from the global, other sites and in-page anchors", () => {
    expect(
      sitePathLiterals(
        `<a href="{{ syllabus.paths.home }}"> <a href="https://example.org/search/"> ` +
          `<a href="//cdn.example.org/x"> <a href="#main"> <path d="M4 6h16"> <div class="graph-scroll">`,
      ),
    ).toStrictEqual([]);
  });
});

describe.each(TEMPLATES)("_includes/%s", (file) => {
  const text = templateText(file);

  it("links to Syllabus's own pages and files through syllabus.paths, never a literal", () => {
    expect(sitePathLiterals(text)).toStrictEqual([]);
  });

  it("names only paths that exist", () => {
    const used = [...text.matchAll(/\bpaths\.(\w+)/g)].map((m) => m[1]!);
    expect(used.filter((key) => !(key in SITE_PATHS))).toStrictEqual([]);
  });

  it("spells out no difficulty: it loops over the difficulties the views pass", () => {
    expect(DIFFICULTIES.filter((d) => text.includes(d))).toStrictEqual([]);
  });

  it("computes no block colour: the views pass each block's colour class", () => {
    expect(text).not.toMatch(/graph-block-|%\s*\d/);
  });

  it("copies neither the social card's size nor the error overlay's limit", () => {
    const numbers = [...text.matchAll(/\b\d+\b/g)].map((m) => Number(m[0]));
    expect(
      numbers.filter((n) => n === CARD_WIDTH || n === CARD_HEIGHT || n === PROBLEMS_SHOWN),
    ).toStrictEqual([]);
    expect(text).not.toContain("batch(");
  });
});

it("reads every layout and partial", () => {
  expect(TEMPLATES).toContain("layouts/base.njk");
  expect(TEMPLATES).toContain("partials/macros.njk");
  expect(TEMPLATES.length).toBeGreaterThanOrEqual(10);
});
