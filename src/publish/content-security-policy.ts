/**
 * The Content-Security-Policy the site works under: no inline scripts, no
 * third-party requests but the iframes of the `embeds` origins; inline style
 * attributes only because KaTeX needs them, WebAssembly for search. Emitted
 * as a `<meta>` tag and in `_headers`. Content that the policy would block is
 * an error where it is written (core/html-url-policy.ts), not a broken page.
 */
export function contentSecurityPolicy(embeds: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    ...(embeds.length > 0 ? [`frame-src 'self' ${embeds.join(" ")}`] : []),
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

/** `_headers`, read by Netlify and Cloudflare Pages: the policy everywhere, hashed assets cached forever. */
export function headersFile(pathPrefix: string, policy: string): string {
  return [
    "/*",
    `  Content-Security-Policy: ${policy}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    `${pathPrefix}assets/*`,
    "  Cache-Control: public, max-age=31536000, immutable",
    "",
  ].join("\n");
}
