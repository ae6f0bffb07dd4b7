/**
 * The Content-Security-Policy the site works under: no inline scripts, no
 * third-party requests; inline style attributes only because KaTeX needs them,
 * WebAssembly for search. Emitted as a `<meta>` tag and in `_headers`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

/** `_headers`, read by Netlify and Cloudflare Pages: the policy everywhere, hashed assets cached forever. */
export function headersFile(pathPrefix: string): string {
  return [
    "/*",
    `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    `${pathPrefix}assets/*`,
    "  Cache-Control: public, max-age=31536000, immutable",
    "",
  ].join("\n");
}
