import path from "node:path";
import { launchBrowser } from "../tests/browser/launch.js";
import { serveStatic } from "../tests/browser/serve.js";
// usage: shot.ts url-path width out.png [selector-to-hover|scrollY] [dark]
const [p, w, out, action, dark] = process.argv.slice(2);
const server = await serveStatic(path.resolve("_site"));
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: Number(w), height: 900 }, colorScheme: dark ? "dark" : "light" });
const page = await ctx.newPage();
page.on("pageerror", (e) => console.log(`[pageerror] ${e.message}`));
page.on("console", (m) => console.log(`[console] ${m.text()}`));
await page.goto(server.url + p!, { waitUntil: "networkidle" });
if (action && /^\d+$/.test(action)) await page.evaluate((y) => window.scrollTo(0, y), Number(action));
else if (action?.startsWith("hover:")) { const el = page.locator(action.slice(6)).first(); await el.scrollIntoViewIfNeeded(); await page.evaluate(() => window.scrollBy(0, -300)); await el.hover(); }
else if (action?.startsWith("focus:")) { const el = page.locator(action.slice(6)).first(); await el.focus(); }
else if (action?.startsWith("click:")) { const el = page.locator(action.slice(6)).first(); await el.scrollIntoViewIfNeeded(); await el.click(); }
await page.waitForTimeout(200);
await page.screenshot({ path: out!, fullPage: false });
await browser.close(); await server.close();
