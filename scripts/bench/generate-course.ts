/**
 * A synthetic course for the benchmark, deterministic from a seed: articles of
 * about 1,700 words with 3 sidenotes, 2 citations from a 500-entry
 * bibliography, inline and display math, a code block and a pause-and-think;
 * 1–3 prerequisites each, forming a layered DAG over 12 blocks.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const BLOCKS = 12;
export const BIBLIOGRAPHY_SIZE = 500;

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "the model learns a feature direction in the residual stream and each attention head reads from earlier " +
  "positions while the output of one layer becomes the input to the next so that circuits form across depth " +
  "we measure activations probe representations patch components and compare the loss on clean and corrupted " +
  "inputs where superposition lets many sparse features share few dimensions at the cost of interference " +
  "interpretability asks which algorithm the weights implement and how confident we can be in that description"
).split(" ");

export function generateCourse(dir: string, articles: number, seed: number): void {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const sentence = (words: number) => {
    const chosen = Array.from({ length: words }, () => pick(WORDS));
    chosen[0] = chosen[0]!.charAt(0).toUpperCase() + chosen[0]!.slice(1);
    return `${chosen.join(" ")}.`;
  };
  const paragraph = (sentences: number) =>
    Array.from({ length: sentences }, () => sentence(12 + Math.floor(random() * 10))).join(" ");

  mkdirSync(path.join(dir, "content/topics"), { recursive: true });
  mkdirSync(path.join(dir, "_data"), { recursive: true });
  writeFileSync(
    path.join(dir, "_data/site.json"),
    JSON.stringify(
      {
        title: `Synthetic course (${articles} articles)`,
        description: "A benchmark corpus.",
        url: "https://bench.example.org",
      },
      null,
      2,
    ),
  );
  writeFileSync(
    path.join(dir, "_data/blocks.json"),
    JSON.stringify(
      Array.from({ length: BLOCKS }, (_, b) => ({
        slug: `block-${b + 1}`,
        title: `Block ${b + 1}`,
        description: sentence(14),
      })),
      null,
      2,
    ),
  );
  const bib = Array.from({ length: BIBLIOGRAPHY_SIZE }, (_, i) => {
    const year = 2000 + (i % 25);
    const arxiv =
      i % 2 === 0
        ? `  eprint = {${2000 + (i % 25)}.${String(10000 + i).slice(1)}},\n  archivePrefix = {arXiv},\n`
        : `  doi = {10.5555/bench.${i}},\n`;
    return `@article{ref${i},\n  title = {${sentence(8).slice(0, -1)}},\n  author = {Author${i}, Ada and Writer${i % 37}, Bo},\n  journal = {Journal of Benchmarks},\n  volume = {${1 + (i % 40)}},\n  year = {${year}},\n${arxiv}}\n`;
  });
  writeFileSync(path.join(dir, "_data/references.bib"), bib.join("\n"));

  const perBlock = Math.ceil(articles / BLOCKS);
  for (let i = 0; i < articles; i++) {
    const block = Math.min(BLOCKS - 1, Math.floor(i / perBlock));
    // Prerequisites from the articles just before, in this block or the one before: a layered DAG.
    const window = Math.max(1, Math.min(i, perBlock));
    const prerequisites = new Set<number>();
    const count = i === 0 ? 0 : 1 + Math.floor(random() * 3);
    for (let k = 0; k < count; k++) prerequisites.add(i - 1 - Math.floor(random() * window));
    const citation = () => `ref${Math.floor(random() * BIBLIOGRAPHY_SIZE)}`;
    const frontmatter = [
      "---",
      `title: "Article ${i + 1}: ${sentence(4).slice(0, -1)}"`,
      `description: "${sentence(14)}"`,
      `block: block-${block + 1}`,
      `order: ${(i % perBlock) + 1}`,
      `difficulty: ${pick(["introductory", "intermediate", "advanced"])}`,
      ...(prerequisites.size
        ? ["prerequisites:", ...[...prerequisites].map((p) => `  - article-${p + 1}`)]
        : []),
      "---",
    ];
    const body = [
      "## Introduction",
      `${paragraph(6)} The quantity $x_{${i}} = \\alpha \\cdot h$ matters here.{% sidenote "A note with math: $\\\\beta_{${i}}$ and a [link](/topics/article-${i + 1}/)." %} ${paragraph(4)}`,
      paragraph(7),
      "## Method",
      `${paragraph(6)} As shown before {% cite "${citation()}" %}. ${paragraph(3)}{% sidenote "${sentence(15)}" %}`,
      "$$\nL = \\sum_{i=1}^{n} \\left( y_i - \\hat{y}_i \\right)^2 + \\lambda \\lVert w \\rVert_1\n$$",
      paragraph(7),
      "```python\nimport numpy as np\n\ndef score(weights, inputs):\n    hidden = np.maximum(0, inputs @ weights)\n    return hidden.sum(axis=-1)\n```",
      "## Results",
      `${paragraph(6)} Compare {% cite "${citation()}, p. ${1 + Math.floor(random() * 300)}" %}.{% sidenote "${sentence(12)}" %} ${paragraph(4)}`,
      `{% pause "${sentence(9).slice(0, -1)}?" %}\n${paragraph(3)}\n{% endpause %}`,
      "## Discussion",
      paragraph(8),
      paragraph(8),
      paragraph(8),
      paragraph(8),
      paragraph(6),
    ];
    writeFileSync(
      path.join(dir, "content/topics", `article-${i + 1}.md`),
      `${frontmatter.join("\n")}\n\n${body.join("\n\n")}\n`,
    );
  }
}
