/**
 * The author loop: the dev server's rebuild after one article changes.
 * Starts the dev session on a benchmark corpus (as `npm start` does, without
 * the HTTP server), edits one article's text, then its prerequisites, and
 * prints one JSON line with the seconds from each save to the end of the
 * rebuild.
 *   tsx scripts/bench/rebuild-once.ts <course dir> <output dir>
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startDevServer } from "../../src/eleventy/site.js";

const [root, outDir] = process.argv.slice(2) as [string, string];
let finished: (() => void) | undefined;
const rebuilt = () => new Promise<void>((resolve) => (finished = resolve));

const server = await startDevServer({
  root,
  outDir,
  port: false,
  report: () => undefined,
  onBuilt: () => finished?.(),
});

const file = path.join(root, "content/topics/article-250.md");
const original = readFileSync(file, "utf8");
const timeEdit = async (text: string) => {
  const done = rebuilt();
  const started = performance.now();
  writeFileSync(file, text);
  await done;
  return (performance.now() - started) / 1000;
};
// Let the watcher settle before the first edit.
await new Promise((r) => setTimeout(r, 1000));
const text = await timeEdit(
  original.replace("## Discussion", "## Discussion\n\nOne more sentence."),
);
await new Promise((r) => setTimeout(r, 500));
const prerequisites = await timeEdit(
  original.replace(/prerequisites:\n( {2}- [\w-]+\n)+/, "prerequisites:\n  - article-1\n"),
);
const graphPage = readFileSync(path.join(outDir, "graph/index.html"), "utf8");
const graphUpdated = graphPage.includes('data-from="article-1" data-to="article-250"');
writeFileSync(file, original);
await server.close();
process.stdout.write(
  `${JSON.stringify({ textSeconds: text, prerequisitesSeconds: prerequisites, graphUpdated })}\n`,
);
process.exit(0);
