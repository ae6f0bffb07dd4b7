import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, sortDiagnostics } from "../../../src/core/diagnostics.js";
import { ContentFiles } from "../../../src/source/content-files.js";
import { contentInventory, type InventoryOptions } from "../../../src/source/content-inventory.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const course = temporaryCourses("inventory");

const FRONTMATTER = "---\ntitle: x\n---\n";
const OK_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ok</title></head><body><p>Fine.</p></body></html>';
const CLEAN_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>A square</title><rect width="10" height="10"/></svg>';

/** The inventory of a course holding `files` under content/ (and `links`: symbolic links, path → target). */
function inventory(
  files: Record<string, string | Buffer>,
  { links = {}, options = {} }: { links?: Record<string, string>; options?: InventoryOptions } = {},
) {
  const root = course({});
  const write = (relative: string, write: (file: string) => void) => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    write(file);
  };
  for (const [relative, text] of Object.entries(files))
    write(relative, (file) => writeFileSync(file, text));
  for (const [relative, target] of Object.entries(links))
    write(relative, (file) => symlinkSync(target, file));
  const result = contentInventory(root, options);
  return {
    root,
    ...result,
    messages: sortDiagnostics(result.diagnostics).map(formatDiagnostic),
    published: result.files.map((f) => f.sitePath),
    pages: result.sources.map((s) => s.path),
  };
}

describe("Markdown sources", () => {
  it("finds every .md file under content/, sorted and classified", () => {
    const found = inventory({
      "content/topics/b.md": FRONTMATTER,
      "content/topics/a/index.md": FRONTMATTER,
      "content/about.md": FRONTMATTER,
      "content/index.md": FRONTMATTER,
    });
    expect(found.sources.map((s) => [s.path, s.origin])).toEqual([
      ["content/about.md", { kind: "page", url: "/about/" }],
      ["content/index.md", { kind: "page", url: "/" }],
      ["content/topics/a/index.md", { kind: "article", slug: "a" }],
      ["content/topics/b.md", { kind: "article", slug: "b" }],
    ]);
    expect(found.sources[0]?.absolutePath).toBe(path.join(found.root, "content/about.md"));
    expect(found.messages).toEqual([]);
  });

  it("a Markdown file whose extension is not lower case is an error, not a silent drop", () => {
    const found = inventory({ "content/topics/x.MD": FRONTMATTER });
    expect(found.pages).toEqual([]);
    expect(found.messages).toEqual([
      'content/topics/x.MD:1:1: error: A Markdown page must end in ".md" (lower case): this file is neither a page nor published (content-file-type)\n  hint: rename it to end in .md',
    ]);
  });
});

describe("files published beside the Markdown", () => {
  it("publishes the allowlisted kinds at their own paths, whatever the case of the extension", () => {
    const found = inventory({
      "content/topics/a/plot.PNG": "png",
      "content/topics/a/data.csv": "a,b\n",
      "content/topics/a/notes.pdf": "%PDF",
      "content/topics/a/clip.mp4": "mp4",
      "content/topics/a/solve.py": "print(1)\n",
      "content/topics/a/notebook.ipynb": "{}",
      "content/topics/a/bundle.zip": "zip",
      "content/topics/a/captions.vtt": "WEBVTT\n",
    });
    expect(found.messages).toEqual([]);
    expect(found.published).toEqual([
      "/topics/a/bundle.zip",
      "/topics/a/captions.vtt",
      "/topics/a/clip.mp4",
      "/topics/a/data.csv",
      "/topics/a/notebook.ipynb",
      "/topics/a/notes.pdf",
      "/topics/a/plot.PNG",
      "/topics/a/solve.py",
    ]);
  });

  it("refuses a kind not on the list, unless a maintainer adds its extension in site.json", () => {
    const files = { "content/topics/a/part.stl": "solid x" };
    expect(inventory(files).messages).toEqual([
      'content/topics/a/part.stl:1:1: error: Files ending in ".stl" are not published from content/ (content-file-type)\n  hint: content/ publishes images, PDF, audio, video and downloads (.csv, .json, .py, .ipynb, .zip, …); a maintainer can add an extension to "publishedFileExtensions" in _data/site.json',
    ]);
    const allowed = inventory(files, { options: { extensions: [".STL"] } });
    expect(allowed.messages).toEqual([]);
    expect(allowed.published).toEqual(["/topics/a/part.stl"]);
  });

  it("refuses a file without an extension", () => {
    expect(inventory({ "content/Makefile": "all:\n" }).messages).toEqual([
      'content/Makefile:1:1: error: Files without an extension are not published from content/ (content-file-type)\n  hint: content/ publishes images, PDF, audio, video and downloads (.csv, .json, .py, .ipynb, .zip, …); a maintainer can add an extension to "publishedFileExtensions" in _data/site.json',
    ]);
  });
});

describe("what a maintainer's extensions cannot turn off", () => {
  const ALL = [
    ".js",
    ".mjs",
    ".xhtml",
    ".xml",
    ".njk",
    ".html",
    ".svg",
    ".md",
    ".MD",
    ".gz",
    ".br",
  ];

  it("still refuses scripts, templates and precompressed files, and still checks SVG and HTML", () => {
    const found = inventory(
      {
        "content/evil.js": "alert(1)",
        "content/evil.xhtml":
          '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
        "content/evil.njk": "{{ 7 * 7 }}",
        "content/evil.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "content/evil.html": "<!doctype html><title>x</title><script>alert(1)</script>",
        "content/page.gz": "gz",
      },
      { options: { extensions: ALL } },
    );
    expect(found.published).toEqual([]);
    expect(found.diagnostics.map((d) => [d.file, d.rule])).toEqual([
      ["content/evil.html", "unsafe-html"],
      ["content/evil.js", "content-script"],
      ["content/evil.njk", "content-template"],
      ["content/evil.svg", "unsafe-html"],
      ["content/evil.xhtml", "content-script"],
      ["content/page.gz", "content-precompressed"],
    ]);
  });
});

describe("precompressed files", () => {
  it("are refused, as a host serving them would answer another URL with them unchecked", () => {
    const found = inventory({
      "content/topics/index.html.gz": "<script>alert(1)</script>",
      "content/topics/a/figure.svg.br": "br",
      "content/topics/a/data.tgz": "tgz",
      "content/topics/a/data.zip": "zip",
    });
    expect(found.published).toEqual(["/topics/a/data.tgz", "/topics/a/data.zip"]);
    expect(found.messages).toEqual([
      'content/topics/a/figure.svg.br:1:1: error: Files ending in ".br" are not published from content/: hosts that serve precompressed files would answer the URL of "figure.svg" with this file, unchecked (content-precompressed)\n  hint: to offer a download, make it a .zip or a .tgz',
      'content/topics/index.html.gz:1:1: error: Files ending in ".gz" are not published from content/: hosts that serve precompressed files would answer the URL of "index.html" with this file, unchecked (content-precompressed)\n  hint: to offer a download, make it a .zip or a .tgz',
    ]);
  });
});

describe("templates and code", () => {
  it("are errors saying where such files belong, and are never published", () => {
    const found = inventory({
      "content/evil.njk": '---\npermalink: "../../x.html"\n---\n{{ 7 * 7 }}\n',
      "content/page.liquid": "{{ x }}",
      "content/page.11ty.js": "module.exports = () => 'x';",
      "content/x.11tydata.js": "module.exports = {};",
      "content/topics/topics.11tydata.json": "{}",
      "content/evil.js": "alert(1);",
      "content/module.mjs": "export {};",
      "content/feed.xsl": "<xsl:stylesheet/>",
    });
    expect(found.published).toEqual([]);
    expect(found.messages).toEqual([
      "content/evil.js:1:1: error: Scripts are not allowed in content/ (.js): nothing in content runs (content-script)\n  hint: to offer code as a download, put it in a .zip; the site's own scripts are maintainers' code",
      "content/evil.njk:1:1: error: A Nunjucks template in content/ would run as code: content is data (content-template)\n  hint: write the page in Markdown; layouts belong in the project's _includes/",
      "content/feed.xsl:1:1: error: Scripts are not allowed in content/ (.xsl): nothing in content runs (content-script)\n  hint: to offer code as a download, put it in a .zip; the site's own scripts are maintainers' code",
      "content/module.mjs:1:1: error: Scripts are not allowed in content/ (.mjs): nothing in content runs (content-script)\n  hint: to offer code as a download, put it in a .zip; the site's own scripts are maintainers' code",
      "content/page.11ty.js:1:1: error: A JavaScript (11ty.js) template in content/ would run as code: content is data (content-template)\n  hint: write the page in Markdown; layouts belong in the project's _includes/",
      "content/page.liquid:1:1: error: A Liquid template in content/ would run as code: content is data (content-template)\n  hint: write the page in Markdown; layouts belong in the project's _includes/",
      "content/topics/topics.11tydata.json:1:1: error: An Eleventy data file in content/ would run as code: content is data (content-data-file)\n  hint: site data belongs in the project's _data/ (site.json, blocks.json), which maintainers keep",
      "content/x.11tydata.js:1:1: error: An Eleventy data file in content/ would run as code: content is data (content-data-file)\n  hint: site data belongs in the project's _data/ (site.json, blocks.json), which maintainers keep",
    ]);
  });
});

describe("SVG images and HTML pages", () => {
  it("publishes an SVG with no script, event handler or external reference", () => {
    const found = inventory({ "content/topics/a/figure.svg": CLEAN_SVG });
    expect(found.messages).toEqual([]);
    expect(found.published).toEqual(["/topics/a/figure.svg"]);
  });

  it("keeps the bytes it checked, to publish those and not the file read again", () => {
    const found = inventory({ "content/figure.svg": CLEAN_SVG, "content/ok.html": OK_HTML });
    expect(found.files.map((f) => f.bytes?.toString("utf8"))).toEqual([CLEAN_SVG, OK_HTML]);
  });

  it("refuses an SVG with an event handler, a script or an external reference, at the line and column", () => {
    const found = inventory({
      "content/onload.svg":
        '<svg xmlns="http://www.w3.org/2000/svg"\n     onload="alert(1)"><rect width="10" height="10"/></svg>',
      "content/script.svg":
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      "content/tracker.svg":
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://evil.example/t.png" width="1" height="1"/></svg>',
    });
    expect(found.published).toEqual([]);
    expect(found.diagnostics.map((d) => [d.file, d.line, d.column, d.rule])).toEqual([
      ["content/onload.svg", 2, 6, "unsafe-html"],
      ["content/script.svg", 1, 41, "unsafe-html"],
      ["content/tracker.svg", 1, expect.any(Number) as number, expect.any(String) as string],
    ]);
    expect(found.messages[0]).toBe(
      'content/onload.svg:2:6: error: Attribute "onload" is not allowed: event handlers would run script (unsafe-html)',
    );
  });

  it("reads the file as the browser would: UTF-8 only, no NUL, no other declared encoding", () => {
    const found = inventory({
      "content/latin.svg":
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
      // `<svg onload=…>` in UTF-16: no "<svg" for a UTF-8 reader to see.
      "content/wide.svg": Buffer.from('<?xml version="1.0"?><svg onload="alert(1)"/>', "utf16le"),
      "content/bytes.svg": Buffer.from([0x3c, 0x73, 0x76, 0x67, 0xff, 0x3e]),
    });
    expect(found.published).toEqual([]);
    expect(found.messages.map((m) => m.split("\n")[0])).toEqual([
      expect.stringMatching(/^content\/bytes\.svg:1:5: error: .*\(invalid-utf8\)$/) as string,
      'content/latin.svg:1:1: error: The file declares the encoding "ISO-8859-1": only UTF-8 is checked and published (content-encoding)',
      "content/wide.svg:1:2: error: A NUL character: browsers could read this file as another encoding than the one checked (content-encoding)",
    ]);
  });

  it("publishes an HTML page only when it passes the same check as Markdown", () => {
    const found = inventory({
      "content/ok.html":
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ok</title></head><body><p>Fine.</p></body></html>',
      "content/evil.html": "<!doctype html><title>x</title>\n<script>alert(1)</script>",
    });
    expect(found.published).toEqual(["/ok.html"]);
    expect(found.messages).toEqual([
      "content/evil.html:2:1: error: Element <script> is not allowed: it would run script (unsafe-html)",
    ]);
  });
});

describe("names starting with _ or .", () => {
  it("never publishes _ files and folders, nor reads pages in them, and lists them unless they are Syllabus's own", () => {
    const found = inventory({
      "content/topics/_block.json": "{}",
      "content/_drafts/idea.md": FRONTMATTER,
      "content/_drafts/evil.js": "alert(1)",
      "content/topics/_figure.png": "png",
    });
    expect(found.pages).toEqual([]);
    expect(found.published).toEqual([]);
    expect(found.messages).toEqual([
      'content/_drafts:1:1: warning: Not published, as their names start with "_": content/_drafts/, content/topics/_figure.png (not-published)\n  hint: names starting with "_" are kept for Syllabus\'s own files (_block.json): rename the file or folder to publish it',
    ]);
    expect(inventory({ "content/topics/_block.json": "{}" }).messages).toEqual([]);
  });

  it("never publishes dotfiles and dot folders, nor reads Markdown in them, and says so once", () => {
    const found = inventory({
      "content/.env": "SECRET=hunter2\n",
      "content/.private/solutions.md": FRONTMATTER,
      "content/topics/.DS_Store": "x",
    });
    expect(found.pages).toEqual([]);
    expect(found.published).toEqual([]);
    expect(found.messages).toEqual([
      'content/.env:1:1: warning: Not published, as their names start with ".": content/.env, content/.private/, content/topics/.DS_Store (not-published)\n  hint: hidden files and folders are never published, and Markdown in them is not a page',
    ]);
  });

  it("a link to the hidden file is then a broken link", () => {
    const found = inventory({ "content/.env": "x", "content/a.png": "png" });
    const files = new ContentFiles(found.files);
    expect(files.fileFor("/.env")).toBeUndefined();
    expect(files.fileFor("/a.png")).toBe(path.join(found.root, "content/a.png"));
    expect(files.fileFor("/%61.png?x=1")).toBe(path.join(found.root, "content/a.png"));
  });
});

describe("symbolic links", () => {
  it("follows a link that stays inside content/: a linked article is an article", () => {
    const found = inventory(
      { "content/shared/vectors.md": FRONTMATTER, "content/media/figures/plot.png": "png" },
      {
        links: {
          "content/topics/vectors.md": "../shared/vectors.md",
          "content/topics/figures": "../media/figures",
        },
      },
    );
    expect(found.messages).toEqual([]);
    expect(found.sources.map((s) => [s.path, s.origin])).toEqual([
      ["content/shared/vectors.md", { kind: "page", url: "/shared/vectors/" }],
      ["content/topics/vectors.md", { kind: "article", slug: "vectors" }],
    ]);
    expect(found.published).toEqual(["/media/figures/plot.png", "/topics/figures/plot.png"]);
    // What is published is the file itself, every link resolved, not read again through the link.
    expect(found.files[1]).toMatchObject({
      path: "content/topics/figures/plot.png",
      absolutePath: path.join(found.root, "content/media/figures/plot.png"),
    });
  });

  it("refuses a link to anywhere else in the project: the project itself, _data/, _site/", () => {
    const found = inventory(
      {
        "secrets.json": '{"token": "x"}',
        "_data/site.json": "{}",
        "_site/index.html": "<p>x</p>",
        "shared/vectors.md": FRONTMATTER,
      },
      {
        links: {
          "content/up": "..",
          "content/data": "../_data",
          "content/topics/site": "../../_site",
          "content/topics/vectors.md": "../../shared/vectors.md",
          "content/drafts": "_drafts",
          "content/_drafts/idea.png": "../../secrets.json",
        },
      },
    );
    expect(found.published).toEqual([]);
    expect(found.pages).toEqual([]);
    expect(found.messages).toEqual([
      'content/_drafts:1:1: warning: Not published, as their names start with "_": content/_drafts/ (not-published)\n  hint: names starting with "_" are kept for Syllabus\'s own files (_block.json): rename the file or folder to publish it',
      "content/data:1:1: error: content/data is a symbolic link to _data, outside content/: only what is in content/ is published (content-symlink)\n  hint: move or copy the file into content/",
      'content/drafts:1:1: error: content/drafts is a symbolic link to content/_drafts, whose name starts with "_": such files are never published (content-symlink)',
      "content/topics/site:1:1: error: content/topics/site is a symbolic link to _site, outside content/: only what is in content/ is published (content-symlink)\n  hint: move or copy the file into content/",
      "content/topics/vectors.md:1:1: error: content/topics/vectors.md is a symbolic link to shared/vectors.md, outside content/: only what is in content/ is published (content-symlink)\n  hint: move or copy the file into content/",
      "content/up:1:1: error: content/up is a symbolic link to ., outside content/: only what is in content/ is published (content-symlink)\n  hint: move or copy the file into content/",
    ]);
  });

  it("refuses a link out of the project, a broken link, a loop and a link to a hidden file", () => {
    const found = inventory(
      { "content/.env": "SECRET=1" },
      {
        links: {
          "content/topics/leak.txt": "/etc/hostname",
          "content/broken.png": "nothing.png",
          "content/topics/loop": "..",
          "content/env.txt": ".env",
        },
      },
    );
    expect(found.published).toEqual([]);
    expect(found.messages).toEqual([
      'content/.env:1:1: warning: Not published, as their names start with ".": content/.env (not-published)\n  hint: hidden files and folders are never published, and Markdown in them is not a page',
      "content/broken.png:1:1: error: content/broken.png is a symbolic link to nothing: its target does not exist (content-symlink)",
      "content/env.txt:1:1: error: content/env.txt is a symbolic link to content/.env, a hidden file: hidden files are never published (content-symlink)",
      "content/topics/leak.txt:1:1: error: content/topics/leak.txt is a symbolic link to /etc/hostname, outside the project: it would publish a file from elsewhere (content-symlink)\n  hint: copy the file into the project instead",
      "content/topics/loop:1:1: error: content/topics/loop is a symbolic link in a loop: it leads to a folder that holds it (content-symlink)",
    ]);
  });
});

describe("paths Syllabus generates", () => {
  it("a file that would take a generated URL is an error naming both", () => {
    const found = inventory({
      "content/robots.txt": "User-agent: *\n",
      "content/graph.json": "{}",
      "content/pagefind/pagefind.js": "alert(1)",
      "content/favicon.svg": CLEAN_SVG,
      "content/topics/index.html": "<!doctype html><title>x</title>",
      "content/social/card.png": "png",
    });
    expect(found.published).toEqual([]);
    const hint =
      "  hint: site-wide files are set by maintainers (in _data/ or _data/site.json), not by files in content/; rename or move this file";
    expect(found.messages).toEqual([
      "content/favicon.svg:1:1: error: content/favicon.svg would be published at /favicon.svg, which Syllabus generates (generated-url)\n  hint: a course's own favicon is _data/favicon.svg",
      `content/graph.json:1:1: error: content/graph.json would be published at /graph.json, which Syllabus generates (generated-url)\n${hint}`,
      `content/pagefind/pagefind.js:1:1: error: content/pagefind/pagefind.js would be published at /pagefind/pagefind.js, inside /pagefind/, which Syllabus generates (generated-url)\n${hint}`,
      `content/robots.txt:1:1: error: content/robots.txt would be published at /robots.txt, which Syllabus generates (generated-url)\n${hint}`,
      `content/social/card.png:1:1: error: content/social/card.png would be published at /social/card.png, inside /social/, which Syllabus generates (generated-url)\n${hint}`,
      `content/topics/index.html:1:1: error: content/topics/index.html would be published at /topics/index.html, the file of the page /topics/, which Syllabus generates (generated-url)\n${hint}`,
    ]);
  });

  it("in any case, and under a generated file as if it were a folder", () => {
    const found = inventory({
      "content/Pagefind/x.txt": "x",
      "content/Robots.txt": "x",
      "content/robots.txt/a.png": "png",
      "content/Graph/index.html": "<!doctype html><title>x</title>",
      "content/_headers/x.txt": "x",
    });
    expect(found.published).toEqual([]);
    const hint =
      "  hint: site-wide files are set by maintainers (in _data/ or _data/site.json), not by files in content/; rename or move this file";
    expect(found.messages.filter((m) => !m.includes("(not-published)"))).toEqual([
      `content/Graph/index.html:1:1: error: content/Graph/index.html would be published at /Graph/index.html, the file of the page /graph/, which Syllabus generates (generated-url)\n${hint}`,
      `content/Pagefind/x.txt:1:1: error: content/Pagefind/x.txt would be published at /Pagefind/x.txt, inside /pagefind/, which Syllabus generates (generated-url)\n${hint}`,
      `content/Robots.txt:1:1: error: content/Robots.txt would be published at /Robots.txt, which Syllabus generates (generated-url)\n${hint}`,
      `content/robots.txt/a.png:1:1: error: content/robots.txt/a.png would be published at /robots.txt/a.png, inside the file /robots.txt, which Syllabus generates (generated-url)\n${hint}`,
    ]);
  });
});

describe("the course's own favicon", () => {
  const HOME = { "content/index.md": "# Home\n" };
  it("is _data/favicon.svg, checked as any SVG", () => {
    expect(inventory({ "_data/favicon.svg": CLEAN_SVG, ...HOME }).favicon).toMatch(
      /_data\/favicon\.svg$/,
    );
    const bad = inventory({
      "_data/favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      ...HOME,
    });
    expect(bad.favicon).toBeUndefined();
    expect(bad.messages).toEqual([
      '_data/favicon.svg:1:41: error: Attribute "onload" is not allowed: event handlers would run script (unsafe-html)',
    ]);
    expect(inventory({}).favicon).toBeUndefined();
  });
});

describe("what cannot be read or is not a file", () => {
  it("a named pipe is an error, not a hang", () => {
    const root = course({ "content/index.md": FRONTMATTER });
    execFileSync("mkfifo", [path.join(root, "content/pipe.csv")]);
    expect(contentInventory(root).diagnostics.map(formatDiagnostic)).toEqual([
      "content/pipe.csv:1:1: error: content/pipe.csv is not a regular file (content-file-type)",
    ]);
  });

  // Root reads every folder whatever its mode (the tests run as root on CI machines).
  it.skipIf(process.getuid?.() === 0)("an unreadable folder is a located error", () => {
    const root = course({ "content/locked/a.png": "png" });
    chmodSync(path.join(root, "content/locked"), 0o000);
    try {
      expect(contentInventory(root).diagnostics.map(formatDiagnostic)).toEqual([
        "content/locked/:1:1: error: content/locked/ cannot be read (EACCES) (unreadable)\n  hint: check its permissions",
      ]);
    } finally {
      chmodSync(path.join(root, "content/locked"), 0o755);
    }
  });
});

describe("a course without content/", () => {
  it("has nothing to publish, and says where the pages go", () => {
    const found = inventory({});
    expect([found.pages, found.published]).toEqual([[], []]);
    expect(found.messages).toEqual([
      "content/:1:1: error: The project has no content/ folder: the course's pages are Markdown files there (content-missing)\n  hint: run Syllabus in the project's root folder (the one holding content/ and _data/)",
    ]);
  });
});
