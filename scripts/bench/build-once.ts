/**
 * One build of a benchmark corpus, in its own process so that its peak
 * memory is its own. Prints one JSON line: seconds, peak RSS, phase times.
 *   tsx scripts/bench/build-once.ts <ours|plain> <course dir> <output dir>
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { buildSite } from "../../src/eleventy/site.js";
import { enablePhaseTiming, phaseTimes } from "../../src/core/phases.js";
import { PLAIN_LAYOUT, plainConfig } from "./plain-config.js";

const [mode, root, outDir] = process.argv.slice(2) as [string, string, string];
const started = performance.now();
let pages = 0;
let errors = 0;
if (mode === "ours") {
  enablePhaseTiming();
  const result = await buildSite({ root, outDir });
  pages = result.pageCount;
  errors = result.diagnostics.filter((d) => d.severity === "error").length;
  if (!result.ok) console.error(result.diagnostics.slice(0, 5));
} else {
  const includes = path.join(root, "_plain_includes");
  mkdirSync(includes, { recursive: true });
  writeFileSync(path.join(includes, "plain.njk"), PLAIN_LAYOUT);
  const eleventy = new Eleventy(path.join(root, "content"), outDir, {
    configPath: false,
    quietMode: true,
    config: (config: never) => {
      const c = config as unknown as Parameters<typeof plainConfig>[0] & {
        setIncludesDirectory(d: string): void;
        setTemplateFormats(f: string[]): void;
      };
      c.setIncludesDirectory(path.relative(path.join(root, "content"), includes));
      c.setTemplateFormats(["md"]);
      plainConfig(c);
    },
  });
  const written = (await eleventy.write()) as [unknown[], unknown[]];
  pages = written[1].length;
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ mode, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, pages, errors, phases: mode === "ours" ? phaseTimes() : {} })}\n`,
);
process.exit(0);
