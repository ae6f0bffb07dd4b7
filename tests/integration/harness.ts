/**
 * Builds fixture courses (tests/fixtures/<area>/<case>/, each with content/
 * and _data/) into temporary folders, and parses the pages it wrote.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { afterAll } from "vitest";
import { buildSite } from "../../src/eleventy/site.js";
import { loadCourse } from "../../src/course/load-course.js";
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from "../../src/core/diagnostics.js";

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");

/**
 * One temporary folder per test file for the sites it builds, removed when
 * the file's tests are done (each test file loads this module afresh), so
 * that a build a test does not remove itself is not left in the temp folder.
 */
let builds: string | undefined;
afterAll(() => {
  if (builds !== undefined) rmSync(builds, { recursive: true, force: true });
});
function buildsRoot(): string {
  builds ??= mkdtempSync(path.join(tmpdir(), "syllabus-test-"));
  return builds;
}

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export interface BuiltSite {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Diagnostics formatted as the build prints them, paths relative to the fixture. */
  messages: string[];
  outDir: string;
  /** The page at a site URL ("/topics/x/"), parsed. */
  page(url: string): Document;
  /** A file of the built site, as text. */
  file(relativePath: string): string;
  exists(relativePath: string): boolean;
}

export async function buildFixture(
  name: string,
  options: { includeDrafts?: boolean } = {},
): Promise<BuiltSite> {
  return buildCourse(fixture(name), options);
}

/** Only the checks (no site written): the diagnostics, formatted. */
export function checkFixture(name: string): { diagnostics: Diagnostic[]; messages: string[] } {
  const { diagnostics } = loadCourse({ root: fixture(name), includeDrafts: true });
  return { diagnostics, messages: diagnostics.map(formatDiagnostic) };
}

/** Removes a build's temporary folder. */
export function removeBuild(site: BuiltSite | undefined): void {
  if (site) rmSync(path.dirname(site.outDir), { recursive: true, force: true });
}

/** Diagnostics as the build prints them, in report order. */
export function report(diagnostics: Diagnostic[]): string[] {
  return sortDiagnostics(diagnostics).map(formatDiagnostic);
}

/** Visible text with whitespace collapsed. */
export function text(element: Element | null | undefined): string | undefined {
  return element?.textContent?.replace(/\s+/g, " ").trim();
}

export function texts(elements: Iterable<Element>): (string | undefined)[] {
  return [...elements].map(text);
}

/** The block an article's header names: the breadcrumb before the article. */
export function shownBlock(page: Document): string | undefined {
  return text(
    [...(page.querySelector(".article-header")?.querySelectorAll(".breadcrumbs a") ?? [])].at(-1),
  );
}

/**
 * Builds any course folder (a temporary one, say) as `buildFixture` builds a
 * fixture, optionally under a path prefix given as the command line gives it.
 */
export async function buildCourse(
  root: string,
  options: { includeDrafts?: boolean; pathPrefix?: string } = {},
): Promise<BuiltSite> {
  const outDir = path.join(mkdtempSync(path.join(buildsRoot(), "build-")), "_site");
  const result = await buildSite({
    root,
    outDir,
    includeDrafts: options.includeDrafts ?? false,
    ...(options.pathPrefix === undefined ? {} : { pathPrefix: options.pathPrefix }),
  });
  const resolve = (relativePath: string) => path.join(outDir, relativePath.replace(/^\//, ""));
  return {
    ok: result.ok,
    diagnostics: result.diagnostics,
    messages: result.diagnostics.map(formatDiagnostic),
    outDir,
    page(url: string) {
      const file = resolve(url.endsWith("/") ? `${url}index.html` : url);
      return parseHTML(readFileSync(file, "utf8")).document;
    },
    file: (relativePath) => readFileSync(resolve(relativePath), "utf8"),
    exists: (relativePath) => existsSync(resolve(relativePath)),
  };
}

/**
 * A fixture's files (path from its root → text), for a variant of it in a
 * temporary course: spread them, then replace `_data/site.json` or add files.
 * Read as UTF-8 text: for fixtures without binary files (SVG images are text).
 */
export function fixtureFiles(name: string): Record<string, string> {
  const root = fixture(name);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(path.join(dir, entry.name))
        : [path.relative(root, path.join(dir, entry.name))],
    );
  return Object.fromEntries(
    walk(root).map((file) => [
      file.split(path.sep).join("/"),
      readFileSync(path.join(root, file), "utf8"),
    ]),
  );
}

/** An element of an XML document read by `parseXml`. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The text directly inside it, entities decoded. */
  text: string;
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(raw: string, where: string): string {
  return raw.replace(/&([^;&\s]*);?/g, (match, name: string) => {
    if (!match.endsWith(";")) throw new Error(`Unescaped "&" in ${where}: ${raw}`);
    if (name in XML_ENTITIES) return XML_ENTITIES[name]!;
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#([0-9]+)$/.exec(name)?.[1];
    if (code === undefined) throw new Error(`Unknown entity "&${name};" in ${where}`);
    return String.fromCodePoint(parseInt(code, name.startsWith("#x") ? 16 : 10));
  });
}

/**
 * A strict reader of the XML the build writes (feed, sitemap): it throws on
 * anything not well-formed (unbalanced or unquoted markup, a bare `&` or `<`,
 * an unknown entity, text or a second element outside the root), which
 * linkedom's lenient parser would let through. No DTDs, no CDATA: we write none.
 */
export function parseXml(source: string): XmlElement {
  const body = source.replace(/^<\?xml\s[^?]*\?>\s*/, "");
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const tokens = /<!--[\s\S]*?-->|<[^>]*>|[^<]+|<[^>]*$/g;
  for (const [token] of body.matchAll(tokens)) {
    if (token.startsWith("<!--")) continue;
    const parent = stack.at(-1);
    if (!token.startsWith("<")) {
      if (!parent) {
        if (token.trim()) throw new Error(`Text outside the root element: ${token.trim()}`);
        continue;
      }
      parent.text += decodeXml(token, `<${parent.name}>`);
      continue;
    }
    const close = /^<\/([A-Za-z_][\w.:-]*)\s*>$/.exec(token);
    if (close) {
      if (parent?.name !== close[1])
        throw new Error(`Unexpected ${token}, expected </${parent?.name}>`);
      stack.pop();
      continue;
    }
    const open =
      /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>$/.exec(
        token,
      );
    if (!open) throw new Error(`Malformed markup: ${token}`);
    const element: XmlElement = { name: open[1]!, attributes: {}, children: [], text: "" };
    for (const [, name, value] of open[2]!.matchAll(
      /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
    )) {
      if (name! in element.attributes) throw new Error(`Attribute ${name} twice in ${token}`);
      element.attributes[name!] = decodeXml(value ?? "", `${name}="…"`);
    }
    if (parent) parent.children.push(element);
    else if (root) throw new Error(`A second root element: ${token}`);
    else root = element;
    if (open[3] !== "/") stack.push(element);
  }
  if (stack.length > 0) throw new Error(`Unclosed <${stack.at(-1)!.name}>`);
  if (!root) throw new Error("No root element");
  return root;
}

/** The children of an XML element with a name. */
export function xmlChildren(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The width and height a PNG declares, after checking it is one: signature, IHDR first, IEND last. */
export function pngSize(data: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!data.subarray(0, 8).equals(signature)) throw new Error("Not a PNG: no PNG signature");
  const chunks: string[] = [];
  for (let at = 8; at < data.length;) {
    if (at + 8 > data.length) throw new Error("Truncated PNG chunk");
    const length = data.readUInt32BE(at);
    chunks.push(data.toString("latin1", at + 4, at + 8));
    at += 12 + length;
    if (at > data.length) throw new Error("Truncated PNG chunk");
  }
  if (chunks[0] !== "IHDR" || chunks.at(-1) !== "IEND" || !chunks.includes("IDAT"))
    throw new Error(`Not a complete PNG: chunks ${chunks.join(", ")}`);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}
