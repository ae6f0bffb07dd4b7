/**
 * The dev server, as `npm start` runs it: the same path as the build, under a
 * path prefix, with the course's errors shown at the top of every page and
 * cleared once fixed. It runs on a copy of a fixture course, edited by the test.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer, type DevServer } from "../../src/eleventy/site.js";
import { freePort } from "../support/free-port.js";
import { fixture } from "./harness.js";

describe("the dev server under a path prefix (core/minimal)", () => {
  let root: string;
  let server: DevServer;
  let base: string;
  let built: (() => void) | undefined;
  const reports: string[] = [];
  const nextBuild = () => new Promise<void>((resolve) => (built = resolve));

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "syllabus-dev-"));
    cpSync(fixture("core/minimal"), root, { recursive: true });
    const port = await freePort();
    const first = nextBuild();
    server = await startDevServer({
      root,
      port,
      pathPrefix: "/course/",
      report: (text) => reports.push(text),
      onBuilt: () => built?.(),
    });
    await first;
    base = `http://localhost:${port}/course/`;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const get = async (url: string) => {
    const response = await fetch(new URL(url, base));
    expect(response.status).toBe(200);
    return response.text();
  };
  const page = async (url: string) => parseHTML(await get(url)).document;

  // Regression: the prefix reached Eleventy but not the course's options, so /graph.json
  // and the "Ready next" links had no prefix in the dev server.
  it("puts every URL of /graph.json under the prefix", async () => {
    const graph = JSON.parse(await get("graph.json")) as { nodes: { url: string }[] };
    expect(graph.nodes.length).toBeGreaterThan(0);
    for (const node of graph.nodes) expect(node.url).toMatch(/^\/course\/topics\//);
  });

  it("puts every link, script and stylesheet of the home page under the prefix", async () => {
    const home = await page("");
    const urls = [...home.querySelectorAll("[href], [src], [action], [data-graph-url]")].flatMap(
      (element) =>
        ["href", "src", "action", "data-graph-url"]
          .map((name) => element.getAttribute(name) ?? "")
          .filter(Boolean),
    );
    const internal = urls.filter((url) => url.startsWith("/"));
    expect(internal.length).toBeGreaterThan(5);
    expect(internal.filter((url) => !url.startsWith("/course/"))).toEqual([]);
  });

  it("shows an error at the top of every page once an article has one, and clears it once fixed", async () => {
    const file = path.join(root, "content/topics/second.md");
    const original = readFileSync(file, "utf8");
    expect((await page("topics/second/")).querySelector(".build-problems")).toBeNull();

    let rebuilt = nextBuild();
    writeFileSync(file, `${original}\nA typo {% sidenot "x" %} here.\n`);
    await rebuilt;
    for (const url of ["", "topics/second/", "topics/first/"]) {
      const overlay = (await page(url)).querySelector(".build-problems[role=alert]");
      expect(overlay?.textContent).toContain('Unknown shortcode "sidenot"');
      expect(overlay?.textContent).toContain("content/topics/second.md:");
    }
    expect(reports.join("")).toContain('error: Unknown shortcode "sidenot" (shortcode-unknown)');

    rebuilt = nextBuild();
    writeFileSync(file, original);
    await rebuilt;
    expect((await page("topics/second/")).querySelector(".build-problems")).toBeNull();
    expect((await page("")).querySelector(".build-problems")).toBeNull();
  });
});

describe("Eleventy run on .eleventy.ts directly", () => {
  // Regression: it built drafts with the dev overlay, no search and no staging, as if it were the build.
  it("stops a plain build with a message naming npm run build", () => {
    const repository = path.resolve(import.meta.dirname, "../..");
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "node_modules/@11ty/eleventy/cmd.cjs",
        "--config=.eleventy.ts",
        "--output=/nonexistent/never-written",
      ],
      { cwd: repository, encoding: "utf8", timeout: 60_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("build the site with `npm run build`");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
