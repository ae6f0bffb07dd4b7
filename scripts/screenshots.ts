/**
 * `npm run screenshots -- [paths…]`: screenshots of the built site at 375, 1024
 * and 1400 px, light or dark, into `screenshots/` (not committed), for
 * looking at changes.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchBrowser } from "../tests/browser/launch.js";
import { serveStatic } from "../tests/browser/serve.js";

const pages = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const full = !process.argv.includes("--viewport");
const dark = process.argv.includes("--dark");
const out = path.resolve("screenshots");
mkdirSync(out, { recursive: true });
const server = await serveStatic(path.resolve("_site"));
const browser = await launchBrowser();
for (const width of [375, 1024, 1400]) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    colorScheme: dark ? "dark" : "light",
  });
  const page = await context.newPage();
  page.on("console", (m) => console.log(`[console] ${m.text()}`));
  page.on("pageerror", (e) => console.log(`[pageerror] ${e.message}`));
  for (const p of pages.length ? pages : ["", "topics/superposition/"]) {
    await page.goto(server.url + p, { waitUntil: "networkidle" });
    const name = `${p.replace(/\/$/, "").replace(/[/#]/g, "_") || "home"}-${width}${dark ? "-dark" : ""}.png`;
    await page.screenshot({ path: path.join(out, name), fullPage: full });
    console.log(path.join(out, name));
  }
  await context.close();
}
await browser.close();
await server.close();
