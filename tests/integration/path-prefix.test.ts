/**
 * Deployed under a sub-path (GitHub Pages serves `https://user.github.io/course/`),
 * every URL the site emits must carry the prefix and resolve to a file it wrote.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/eleventy/site.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PREFIX = "/course/";
let outDir: string;

beforeAll(async () => {
  outDir = path.join(mkdtempSync(path.join(tmpdir(), "syllabus-prefix-")), "_site");
  const result = await buildSite({ root: ROOT, outDir, pathPrefix: "course" });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
});

afterAll(() => rmSync(path.dirname(outDir), { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** Site-absolute URLs in a file, by kind of file. */
function urlsIn(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  const push = (re: RegExp) => {
    for (const m of text.matchAll(re)) found.push(m[1]!);
  };
  if (file.endsWith(".html")) {
    push(/\s(?:href|src|action|poster)="([^"]*)"/g);
    push(/<meta (?:property|name)="(?:og:image|og:url|twitter:image)" content="([^"]*)"/g);
  } else if (file.endsWith(".css")) {
    push(/url\(["']?([^"')]+)["']?\)/g);
  } else if (file.endsWith(".xml")) {
    push(/<loc>([^<]*)<\/loc>/g);
    push(/<link[^>]*href="([^"]*)"/g);
  } else if (file.endsWith(".json") && path.basename(file) === "graph.json") {
    push(/"url": "([^"]*)"/g);
  }
  return found;
}

describe("a build under the path prefix /course/", () => {
  it("emits only URLs under the prefix, each naming a file of the built site", () => {
    const origin = "https://syllabus.example.org";
    const problems: string[] = [];
    let checked = 0;
    for (const file of files(outDir).filter((f) => !f.includes(`${path.sep}pagefind${path.sep}`))) {
      const relativeFile = path.relative(outDir, file);
      const base = new URL(`${origin}${PREFIX}${relativeFile.split(path.sep).join("/")}`);
      for (const raw of urlsIn(file)) {
        if (raw.startsWith("#") || raw.startsWith("data:") || raw.startsWith("mailto:")) continue;
        const url = new URL(raw, base);
        if (url.origin !== origin) continue; // an external link
        checked++;
        if (!url.pathname.startsWith(PREFIX)) {
          problems.push(`${relativeFile}: ${raw} is not under ${PREFIX}`);
          continue;
        }
        let target = path.join(outDir, decodeURIComponent(url.pathname.slice(PREFIX.length)));
        if (url.pathname.endsWith("/")) target = path.join(target, "index.html");
        if (!existsSync(target)) problems.push(`${relativeFile}: ${raw} names no file`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it("points the search form and the search index under the prefix", () => {
    const search = readFileSync(path.join(outDir, "search/index.html"), "utf8");
    expect(search).toContain(`action="${PREFIX}search/"`);
    expect(existsSync(path.join(outDir, "pagefind/pagefind.js"))).toBe(true);
  });
});
