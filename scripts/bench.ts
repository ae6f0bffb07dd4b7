/**
 * `npm run bench`: builds synthetic courses of 50, 500 and 5,000 articles
 * with the production build and with plain Eleventy, and prints, for each
 * size: wall time, peak memory, ms per article, output size, the largest
 * article page, the share of time in each phase, and the ratio ours/plain.
 *
 *   npm run bench -- [--sizes=50,500,5000] [--seed=1] [--json]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { generateCourse } from "./bench/generate-course.js";

interface BuildRun {
  mode: string;
  seconds: number;
  maxRssMb: number;
  pages: number;
  errors: number;
  phases: Record<string, number>;
}

const argument = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const sizes = (argument("sizes") ?? "50,500,5000").split(",").map(Number);
const seed = Number(argument("seed") ?? 1);
const asJson = process.argv.includes("--json");
const script = path.join(import.meta.dirname, "bench/build-once.ts");
const rebuildScript = path.join(import.meta.dirname, "bench/rebuild-once.ts");
const tsx = path.join(import.meta.dirname, "../node_modules/tsx/dist/cli.mjs");

function build(mode: "ours" | "plain", root: string, outDir: string): BuildRun {
  const output = execFileSync(process.execPath, [tsx, script, mode, root, outDir], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = output.trim().split("\n").at(-1)!;
  return JSON.parse(line) as BuildRun;
}

/** The dev server's rebuild after one article's text, then its prerequisites, change. */
function rebuild(
  root: string,
  outDir: string,
): { textSeconds: number; prerequisitesSeconds: number; graphUpdated: boolean } {
  const output = execFileSync(process.execPath, [tsx, rebuildScript, root, outDir], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["ignore", "pipe", "ignore"],
  });
  return JSON.parse(output.trim().split("\n").at(-1)!) as {
    textSeconds: number;
    prerequisitesSeconds: number;
    graphUpdated: boolean;
  };
}

function sizeOf(dir: string): { bytes: number; largestArticle: number } {
  let bytes = 0;
  let largestArticle = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else {
        bytes += stat.size;
        // Article pages: topics/<slug>/index.html (not the course-wide topics/index.html).
        if (name === "index.html" && path.basename(path.dirname(path.dirname(full))) === "topics") {
          largestArticle = Math.max(largestArticle, stat.size);
        }
      }
    }
  };
  walk(dir);
  return { bytes, largestArticle };
}

/** Exclusive phases (time in nested phases is counted in those), in build order. */
const PHASES = [
  "load",
  "markdown",
  "katex",
  "highlight",
  "citations",
  "graph",
  "views",
  "graphSvg",
  "assets",
  "social",
  "templates",
  "searchWait",
];
const results = [];
for (const size of sizes) {
  const work = mkdtempSync(path.join(tmpdir(), `syllabus-bench-${size}-`));
  const root = path.join(work, "course");
  generateCourse(root, size, seed);
  const ours = build("ours", root, path.join(work, "ours"));
  const plain = build("plain", root, path.join(work, "plain"));
  if (ours.errors > 0)
    throw new Error(`The ${size}-article course did not build (${ours.errors} errors)`);
  const output = sizeOf(path.join(work, "ours"));
  // The author loop is measured on the 500-article course (the target's size).
  const devRebuild = size === 500 ? rebuild(root, path.join(work, "dev")) : undefined;
  const p = (name: string) => ours.phases[name] ?? 0;
  // Eleventy's own work (templates, writing files) is what its write took besides our views and assets.
  const templates = Math.max(
    0,
    p("eleventy") - p("views") - p("graphSvg") - p("assets") - p("social"),
  );
  const phases = {
    ...Object.fromEntries(PHASES.map((name) => [name, p(name)])),
    templates,
    pagefind: p("search"),
  };
  results.push({
    articles: size,
    seconds: ours.seconds,
    peakRssMb: ours.maxRssMb,
    msPerArticle: (ours.seconds * 1000) / size,
    outputMb: output.bytes / 1e6,
    largestArticleKb: output.largestArticle / 1e3,
    phaseShares: Object.fromEntries(
      Object.entries(phases).map(([p, ms]) => [p, ms / (ours.seconds * 1000)]),
    ),
    plainSeconds: plain.seconds,
    plainPeakRssMb: plain.maxRssMb,
    ratio: ours.seconds / plain.seconds,
    devRebuild,
  });
  rmSync(work, { recursive: true, force: true });
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
if (asJson) {
  process.stdout.write(`${JSON.stringify({ machine, seed, results }, null, 2)}\n`);
} else {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const rows = [
    [
      "articles",
      "wall s",
      "peak RSS MB",
      "ms/article",
      "output MB",
      "largest page KB",
      "plain s",
      "ours/plain",
    ],
    ...results.map((r) => [
      r.articles,
      r.seconds.toFixed(2),
      r.peakRssMb.toFixed(0),
      r.msPerArticle.toFixed(1),
      r.outputMb.toFixed(1),
      r.largestArticleKb.toFixed(1),
      r.plainSeconds.toFixed(2),
      r.ratio.toFixed(2),
    ]),
  ];
  const phaseRows = [
    ["articles", ...PHASES, "(pagefind)"],
    ...results.map((r) => [
      r.articles,
      ...[...PHASES, "pagefind"].map((p) => pct(r.phaseShares[p] ?? 0)),
    ]),
  ];
  const table = (data: (string | number)[][]) => {
    const widths = data[0]!.map((_, i) => Math.max(...data.map((row) => String(row[i]).length)));
    return data
      .map((row) => row.map((cell, i) => String(cell).padStart(widths[i]!)).join("  "))
      .join("\n");
  };
  process.stdout.write(
    `Machine: ${machine}; seed ${seed}\n\n${table(rows)}\n\n` +
      `Share of build time by phase. Pagefind indexes in its own process while Eleventy renders: searchWait is the\n` +
      `time left to wait for it afterwards, (pagefind) its whole run, which overlaps templates.\n${table(phaseRows)}\n`,
  );
  for (const r of results) {
    if (!r.devRebuild) continue;
    process.stdout.write(
      `\nDev server, ${r.articles} articles: rebuild after one article's text changes ${r.devRebuild.textSeconds.toFixed(2)} s; ` +
        `after its prerequisites change ${r.devRebuild.prerequisitesSeconds.toFixed(2)} s (graph updated: ${r.devRebuild.graphUpdated ? "yes" : "NO"})\n`,
    );
  }
}
