/**
 * Social preview images (Open Graph, Twitter): a card with the course's
 * title, and optionally one per article, drawn as SVG and rendered to PNG with
 * resvg. Fonts are KaTeX's serif, which ships with the site's dependencies,
 * so cards look the same on every machine. Text is escaped with `escapeXml`,
 * which also drops what XML cannot hold: resvg refuses an SVG with a NUL.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { wrapTitle } from "../graph/render-svg.js";
import { escapeXml } from "./xml-text.js";

const require = createRequire(import.meta.url);
const FONTS = path.join(path.dirname(require.resolve("katex/package.json")), "dist/fonts");
const FONT_FILES = ["KaTeX_Main-Bold.ttf", "KaTeX_Main-Regular.ttf"].map((f) =>
  path.join(FONTS, f),
);

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardText {
  title: string;
  /** A line above the title (the block). */
  eyebrow?: string;
  /** The line below the title (the course). */
  footer: string;
}

export function cardSvg({ title, eyebrow, footer }: CardText): string {
  const lines = wrapTitle(title, 26, 3);
  const size = lines.length > 2 ? 64 : 76;
  const top = 300 - ((lines.length - 1) * size * 1.15) / 2;
  const titleLines = lines
    .map(
      (line, i) =>
        `<text x="96" y="${Math.round(top + i * size * 1.15)}" font-size="${size}" font-weight="bold" fill="#1f2328">${escapeXml(line)}</text>`,
    )
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">` +
    `<rect width="100%" height="100%" fill="#fdfcf8"/><rect width="28" height="100%" fill="#1a5bc4"/>` +
    (eyebrow
      ? `<text x="96" y="${Math.round(top - size * 1.1)}" font-size="30" fill="#1a5bc4" letter-spacing="2">${escapeXml(eyebrow.toUpperCase())}</text>`
      : "") +
    titleLines +
    `<rect x="96" y="520" width="120" height="4" fill="#1a5bc4"/>` +
    `<text x="96" y="575" font-size="34" fill="#585e68">${escapeXml(footer)}</text></svg>`
  );
}

export function renderCard(text: CardText): Buffer {
  const resvg = new Resvg(cardSvg(text), {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: "KaTeX_Main" },
  });
  return resvg.render().asPng();
}

/** Where a page's card is published. */
export function cardPath(
  options: { socialCards: "course" | "articles" },
  slug: string | undefined,
): string {
  return options.socialCards === "articles" && slug
    ? `/social/topics/${slug}.png`
    : "/social/course.png";
}

const rendered = new Map<string, Buffer>();

/** Writes the course's card, and each article's when asked for; unchanged cards are not drawn again. */
export function writeSocialCards(
  outDir: string,
  course: {
    options: { title: string; description: string; socialCards: "course" | "articles" };
    articles: { slug: string; title: string; blockTitle: string }[];
  },
  write: (file: string, data: Buffer) => void,
): number {
  const cards: [string, CardText][] = [
    [
      "course",
      {
        title: course.options.title,
        footer: course.options.description.slice(0, 70) || course.options.title,
      },
    ],
  ];
  if (course.options.socialCards === "articles") {
    for (const a of course.articles)
      cards.push([
        `topics/${a.slug}`,
        { title: a.title, eyebrow: a.blockTitle, footer: course.options.title },
      ]);
  }
  for (const [name, text] of cards) {
    const key = JSON.stringify(text);
    let png = rendered.get(key);
    if (!png) {
      png = renderCard(text);
      rendered.set(key, png);
    }
    write(path.join(outDir, "social", `${name}.png`), png);
  }
  return cards.length;
}
