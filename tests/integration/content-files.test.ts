/**
 * Files beside the Markdown are checked, and only checked files are
 * published: `npm run check` reports every file that may not be in content/,
 * the build fails with the same report, the dev server (which builds even a
 * course with errors) publishes none of them, and a clean course publishes
 * exactly its allowed files, as copies, inside _site/.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/course/load-course.js";
import { ContentFileCopier } from "../../src/publish/copy-content-files.js";
import { startDevServer } from "../../src/eleventy/site.js";
import { temporaryCourses } from "../support/temporary-course.js";
import { buildCourse, removeBuild, report } from "./harness.js";

const course = temporaryCourses("content-files");
const SYLLABUS_FAVICON = readFileSync(
  path.resolve(import.meta.dirname, "../../src/assets/favicon.svg"),
  "utf8",
);

/** Writes a file named PWNED in the project, were Eleventy to run it as a data file. */
const DATA_FILE_PAYLOAD =
  'require("node:fs").writeFileSync(require("node:path").join(__dirname, "..", "PWNED"), "1");\nmodule.exports = {};\n';

const FIGURE =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>A square</title><rect width="10" height="10" fill="#36c"/></svg>';

const CLEAN: Record<string, string> = {
  "_data/site.json": JSON.stringify({ title: "Files", url: "https://course.example.org" }),
  "_data/blocks.json": JSON.stringify([{ slug: "basics", title: "Basics", description: "B." }]),
  "content/topics/base.md":
    "---\ntitle: Base\ndescription: An article.\nblock: basics\n---\n![A square](/topics/figure.svg) and [the data](/topics/data.csv).\n",
  "content/topics/figure.svg": FIGURE,
  "content/topics/data.csv": "a,b\n1,2\n",
  "content/topics/linked-source/index.md":
    "---\ntitle: Linked\ndescription: A linked article.\nblock: basics\n---\nLinked.\n",
  // Never published, and said so in a warning.
  "content/.env": "SECRET=hunter2\n",
  "content/.private/solutions.md": "---\ntitle: Solutions\n---\nThe answers.\n",
};

const HOSTILE: Record<string, string> = {
  "content/evil.njk": '---\npermalink: "../../x.html"\n---\n<p>{{ 7 * 7 }}</p>\n',
  // The same, landing in the project rather than in the shared temporary folder.
  "content/evil2.njk": '---\npermalink: "../x.html"\n---\n<p>{{ 7 * 7 }}</p>\n',
  "content/x.11tydata.js": DATA_FILE_PAYLOAD,
  // The data file Eleventy would load for every page generated under content/.
  "content/content.11tydata.js": DATA_FILE_PAYLOAD,
  "content/evil.html": "<!doctype html><title>x</title><script>alert(1)</script>\n",
  "content/evil.js": "alert(document.cookie);\n",
  "content/topics/evil.svg":
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>\n',
  "content/robots.txt": "User-agent: *\nDisallow: /\n",
  "content/graph.json": '{"nodes": []}\n',
  "content/pagefind/pagefind.js": "alert(1);\n",
  "content/favicon.svg":
    '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n',
  "content/secrets.md":
    "---\ntitle: Secrets\n---\n[The key](/.env), [the script](/evil.js) and [the page](/evil.html).\n",
};

function makeCourse(files: Record<string, string>): string {
  const root = course(files);
  symlinkSync("linked-source/index.md", path.join(root, "content/topics/linked.md"));
  return root;
}

function hostileCourse(): string {
  const root = makeCourse({ ...CLEAN, ...HOSTILE });
  symlinkSync("/etc/hostname", path.join(root, "content/topics/leak.txt"));
  return root;
}

const GENERATED_HINT =
  "  hint: site-wide files are set by maintainers (in _data/ or _data/site.json), not by files in content/; rename or move this file";
const TEMPLATE_HINT =
  "  hint: write the page in Markdown; layouts belong in the project's _includes/";
const DATA_HINT =
  "  hint: site data belongs in the project's _data/ (site.json, blocks.json), which maintainers keep";
const NOT_PUBLISHED =
  'content/.env:1:1: warning: Not published, as their names start with ".": content/.env, content/.private/ (not-published)\n  hint: hidden files and folders are never published, and Markdown in them is not a page';

const EXPECTED = [
  NOT_PUBLISHED,
  `content/content.11tydata.js:1:1: error: An Eleventy data file in content/ would run as code: content is data (content-data-file)\n${DATA_HINT}`,
  "content/evil.html:1:32: error: Element <script> is not allowed: it would run script (unsafe-html)",
  "content/evil.js:1:1: error: Scripts are not allowed in content/ (.js): nothing in content runs (content-script)\n  hint: to offer code as a download, put it in a .zip; the site's own scripts are maintainers' code",
  `content/evil.njk:1:1: error: A Nunjucks template in content/ would run as code: content is data (content-template)\n${TEMPLATE_HINT}`,
  `content/evil2.njk:1:1: error: A Nunjucks template in content/ would run as code: content is data (content-template)\n${TEMPLATE_HINT}`,
  "content/favicon.svg:1:1: error: content/favicon.svg would be published at /favicon.svg, which Syllabus generates (generated-url)\n  hint: a course's own favicon is _data/favicon.svg",
  `content/graph.json:1:1: error: content/graph.json would be published at /graph.json, which Syllabus generates (generated-url)\n${GENERATED_HINT}`,
  `content/pagefind/pagefind.js:1:1: error: content/pagefind/pagefind.js would be published at /pagefind/pagefind.js, inside /pagefind/, which Syllabus generates (generated-url)\n${GENERATED_HINT}`,
  `content/robots.txt:1:1: error: content/robots.txt would be published at /robots.txt, which Syllabus generates (generated-url)\n${GENERATED_HINT}`,
  'content/secrets.md:4:11: error: Broken link "/.env": no page or file has the URL /.env (broken-link)',
  'content/secrets.md:4:32: error: Broken link "/evil.js": no page or file has the URL /evil.js (broken-link)',
  'content/secrets.md:4:57: error: Broken link "/evil.html": no page or file has the URL /evil.html (broken-link)\n  hint: did you mean "/404.html"?',
  'content/topics/evil.svg:1:41: error: Attribute "onload" is not allowed: event handlers would run script (unsafe-html)',
  "content/topics/leak.txt:1:1: error: content/topics/leak.txt is a symbolic link to /etc/hostname, outside the project: it would publish a file from elsewhere (content-symlink)\n  hint: copy the file into the project instead",
  `content/x.11tydata.js:1:1: error: An Eleventy data file in content/ would run as code: content is data (content-data-file)\n${DATA_HINT}`,
];

/** Every file under `dir`, from it, forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => !lstatSync(path.join(dir, name)).isDirectory())
    .map((name) => name.split(path.sep).join("/"))
    .sort();
}

/** What a built site holds besides the pages and folders Syllabus generates. */
function besidesGenerated(outDir: string): string[] {
  return filesUnder(outDir).filter(
    (name) =>
      !/(^|\/)index\.html$/.test(name) &&
      !/^(assets|pagefind|social)\//.test(name) &&
      !["404.html", "_headers", "feed.xml", "graph.json", "robots.txt", "sitemap.xml"].includes(
        name,
      ),
  );
}

describe("files beside the Markdown", () => {
  it("npm run check reports every file that may not be in content/", () => {
    const { diagnostics } = loadCourse({ root: hostileCourse(), includeDrafts: true });
    expect(report(diagnostics)).toEqual(EXPECTED);
  });

  it("the build fails with the same report, writing nothing, and runs nothing", async () => {
    const root = hostileCourse();
    const site = await buildCourse(root);
    try {
      expect(site.ok).toBe(false);
      expect(report(site.diagnostics)).toEqual(EXPECTED);
      expect(existsSync(site.outDir)).toBe(false);
      expect(existsSync(path.join(root, "PWNED"))).toBe(false);
    } finally {
      removeBuild(site);
    }
  });

  it("the dev server, which builds a course with errors, publishes none of them and runs nothing", async () => {
    const root = hostileCourse();
    const outside = path.resolve(root, "_site/../../x.html");
    const outsideBefore = existsSync(outside);
    let built: () => void = () => undefined;
    const nextBuild = () => new Promise<void>((resolve) => (built = resolve));
    let rebuilt = nextBuild();
    const server = await startDevServer({
      root,
      port: false,
      report: () => undefined,
      onBuilt: () => built(),
    });
    try {
      await rebuilt;
      const outDir = path.join(root, "_site");
      expect(existsSync(path.join(root, "PWNED"))).toBe(false);
      // The permalink's target lies in the shared temporary folder: it must not have appeared.
      expect(existsSync(outside)).toBe(outsideBefore);
      expect(existsSync(path.join(root, "x.html"))).toBe(false);
      expect(besidesGenerated(outDir)).toEqual([
        "favicon.svg",
        "topics/data.csv",
        "topics/figure.svg",
      ]);
      expect(readFileSync(path.join(outDir, "favicon.svg"), "utf8")).toBe(SYLLABUS_FAVICON);
      expect(readFileSync(path.join(outDir, "robots.txt"), "utf8")).not.toContain("Disallow: /\n");
      expect(readFileSync(path.join(outDir, "graph.json"), "utf8")).not.toBe('{"nodes": []}\n');
      expect(readFileSync(path.join(outDir, "pagefind/pagefind.js"), "utf8")).not.toBe(
        "alert(1);\n",
      );

      // A new file is published on the next build; one edited to fail its check is withdrawn.
      // The watcher may not be ready yet, and both edits may land in one rebuild or two: write
      // them again until a rebuild has seen both.
      const republished = () =>
        existsSync(path.join(outDir, "topics/more.csv")) &&
        !existsSync(path.join(outDir, "topics/figure.svg"));
      for (let attempt = 0; attempt < 40 && !republished(); attempt++) {
        rebuilt = nextBuild();
        writeFileSync(path.join(root, "content/topics/more.csv"), "c\n3\n");
        writeFileSync(
          path.join(root, "content/topics/figure.svg"),
          HOSTILE["content/topics/evil.svg"]!,
        );
        await Promise.race([rebuilt, new Promise((resolve) => setTimeout(resolve, 1000))]);
      }
      expect(besidesGenerated(outDir)).toEqual([
        "favicon.svg",
        "topics/data.csv",
        "topics/more.csv",
      ]);
      expect(existsSync(path.join(root, "PWNED"))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("a clean course publishes exactly its allowed files, as copies, inside _site/", async () => {
    const root = makeCourse(CLEAN);
    const site = await buildCourse(root);
    try {
      expect(report(site.diagnostics)).toEqual([NOT_PUBLISHED]);
      expect(site.ok).toBe(true);
      expect(besidesGenerated(site.outDir)).toEqual([
        "favicon.svg",
        "topics/data.csv",
        "topics/figure.svg",
      ]);
      // The linked article is an article.
      expect(site.page("/topics/linked/").querySelector("h1")?.textContent).toBe("Linked");
      for (const name of ["favicon.svg", "topics/figure.svg", "topics/data.csv"])
        expect(lstatSync(path.join(site.outDir, name)).isFile()).toBe(true);
      expect(site.file("topics/figure.svg")).toBe(FIGURE);
      // Nothing written beside _site/ but what the build leaves there.
      expect(readdirSync(path.dirname(site.outDir))).toEqual(["_site"]);
      expect(existsSync(path.join(root, "_site"))).toBe(false);
    } finally {
      removeBuild(site);
    }
  });

  it("a course's own favicon, _data/favicon.svg, replaces Syllabus's", async () => {
    const own = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><circle r="1"/></svg>';
    const root = makeCourse({ ...CLEAN, "_data/favicon.svg": own });
    unlinkSync(path.join(root, "content/.env"));
    const site = await buildCourse(root);
    try {
      expect(site.ok).toBe(true);
      expect(site.file("favicon.svg")).toBe(own);
    } finally {
      removeBuild(site);
    }
  });
});

const BASE: Record<string, string> = {
  "_data/site.json": JSON.stringify({ title: "Files", url: "https://course.example.org" }),
  "content/about-us.md": "---\ntitle: About us\n---\nUs.\n",
};

/** What `npm run check` reports of a course, and the site paths of the files it would publish. */
function checked(root: string) {
  const { course: loaded, diagnostics } = loadCourse({ root, includeDrafts: true });
  return { messages: report(diagnostics), published: loaded.contentFiles.map((f) => f.sitePath) };
}

describe("symbolic links out of content/", () => {
  it("a link to the project, _data/ or _site/ publishes nothing from there", () => {
    const root = course({
      ...BASE,
      "secrets.json": '{"token": "hunter2"}',
      "_site/old.png": "png",
    });
    symlinkSync("..", path.join(root, "content/up"));
    symlinkSync("../_data", path.join(root, "content/data"));
    symlinkSync("../_site", path.join(root, "content/site"));
    const { messages, published } = checked(root);
    expect(published).toEqual([]);
    const hint = "  hint: move or copy the file into content/";
    expect(messages).toEqual([
      `content/data:1:1: error: content/data is a symbolic link to _data, outside content/: only what is in content/ is published (content-symlink)\n${hint}`,
      `content/site:1:1: error: content/site is a symbolic link to _site, outside content/: only what is in content/ is published (content-symlink)\n${hint}`,
      `content/up:1:1: error: content/up is a symbolic link to ., outside content/: only what is in content/ is published (content-symlink)\n${hint}`,
    ]);
  });
});

describe("files and pages claim their paths once", () => {
  it("a file where a page is written is an error naming both, and the page is kept", () => {
    const root = course({
      ...BASE,
      "content/about.md": "---\ntitle: About\n---\nAbout.\n",
      "content/about/index.html": "<!doctype html><title>x</title><p>x</p>",
      "content/notes-page.md": "---\ntitle: Notes\npermalink: /notes/\n---\nNotes.\n",
      "content/notes/index.html": "<!doctype html><title>x</title><p>x</p>",
      "content/data-page.md": "---\ntitle: Data\npermalink: /data.csv\n---\nData.\n",
      "content/data.csv": "a,b\n",
    });
    const { messages, published } = checked(root);
    expect(published).toEqual([]);
    expect(messages).toEqual([
      "content/about/index.html:1:1: error: content/about/index.html would be published at /about/index.html, where the page of content/about.md is (duplicate-url)",
      "content/data.csv:1:1: error: content/data.csv would be published at /data.csv, where the page of content/data-page.md is (duplicate-url)",
      "content/notes/index.html:1:1: error: content/notes/index.html would be published at /notes/index.html, where the page of content/notes-page.md is (duplicate-url)",
    ]);
  });

  it("a page or file that would need another's file as a folder is an error naming both", () => {
    const root = course({
      ...BASE,
      "content/figure.md": "---\ntitle: Figure\npermalink: /plot.png/\n---\nA page.\n",
      "content/plot.png": "png",
      "content/feed.md": "---\ntitle: Feed\npermalink: /my.json\n---\nA file.\n",
      "content/sub.md": "---\ntitle: Sub\npermalink: /my.json/sub/\n---\nUnder it.\n",
    });
    const { messages, published } = checked(root);
    expect(published).toEqual([]);
    expect(messages).toEqual([
      "content/plot.png:1:1: error: content/plot.png would be published at /plot.png, but content/figure.md is published at /plot.png/index.html: one would need the other as a folder (duplicate-url)",
      "content/sub.md:3:1: error: URL /my.json/sub/ is written at /my.json/sub/index.html, but content/feed.md is published at /my.json: one would need the other as a folder (duplicate-url)",
    ]);
  });
});

describe("the copier publishes what was checked", () => {
  // Inside a temporary course, so that it is removed with the others.
  const outDir = () => path.join(course(), "_site");

  it("writes an SVG or HTML page from its checked bytes, not from the file read again", () => {
    const root = course({ "content/figure.svg": '<svg onload="alert(1)"/>' });
    const out = outDir();
    new ContentFileCopier().publish(out, [
      {
        sitePath: "/figure.svg",
        absolutePath: path.join(root, "content/figure.svg"),
        bytes: Buffer.from(FIGURE),
      },
    ]);
    expect(readFileSync(path.join(out, "figure.svg"), "utf8")).toBe(FIGURE);
  });

  it("the build publishes the checked bytes of a linked SVG", async () => {
    const root = course({ ...BASE, "content/media/figure.svg": FIGURE });
    symlinkSync("media/figure.svg", path.join(root, "content/figure.svg"));
    const site = await buildCourse(root);
    try {
      expect(report(site.diagnostics)).toEqual([]);
      expect(site.file("figure.svg")).toBe(FIGURE);
      expect(lstatSync(path.join(site.outDir, "figure.svg")).isFile()).toBe(true);
    } finally {
      removeBuild(site);
    }
  });

  it("replaces a link left at the target instead of writing through it, and names a folder there", () => {
    const root = course({ "content/data.csv": "a,b\n", "victim.txt": "keep\n" });
    const out = outDir();
    mkdirSync(path.join(out, "plot.png"), { recursive: true });
    symlinkSync(path.join(root, "victim.txt"), path.join(out, "data.csv"));
    const copier = new ContentFileCopier();
    copier.publish(out, [
      { sitePath: "/data.csv", absolutePath: path.join(root, "content/data.csv") },
    ]);
    expect(readFileSync(path.join(root, "victim.txt"), "utf8")).toBe("keep\n");
    expect(lstatSync(path.join(out, "data.csv")).isFile()).toBe(true);
    expect(() =>
      copier.publish(out, [
        { sitePath: "/plot.png", absolutePath: path.join(root, "content/data.csv") },
      ]),
    ).toThrow(
      `Cannot publish ${path.join(out, "plot.png")}: a folder is there (remove the output folder and build again)`,
    );
  });
});
