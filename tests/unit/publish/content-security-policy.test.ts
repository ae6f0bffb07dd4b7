import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  headersFile,
} from "../../../src/publish/content-security-policy.js";

describe("the Content-Security-Policy", () => {
  it("frames nothing from other sites by default", () => {
    expect(contentSecurityPolicy([])).not.toContain("frame-src");
    expect(contentSecurityPolicy([])).toContain("default-src 'self'");
  });

  it("lets the embeds origins be framed, and sends the same policy in _headers", () => {
    const policy = contentSecurityPolicy(["https://www.youtube-nocookie.com"]);
    expect(policy).toContain("frame-src 'self' https://www.youtube-nocookie.com");
    expect(headersFile("/", policy)).toContain(`  Content-Security-Policy: ${policy}\n`);
  });
});
