import path from "node:path";
import { describe, expect, it } from "vitest";
import { isInside } from "../../../src/core/paths.js";

describe("isInside", () => {
  it("is true for the folder itself and anything under it, however the path is spelled", () => {
    expect(isInside("/p/content", "/p/content")).toBe(true);
    expect(isInside("/p/content", "/p/content/a/b.png")).toBe(true);
    expect(isInside("/p/content/", "/p/content/x/../a")).toBe(true);
    // A name that merely starts with two dots is inside.
    expect(isInside("/p/content", "/p/content/..notes")).toBe(true);
  });

  it("is false for the parent, a sibling, a folder with the same prefix, and elsewhere", () => {
    expect(isInside("/p/content", "/p")).toBe(false);
    expect(isInside("/p/content", "/p/_data/site.json")).toBe(false);
    expect(isInside("/p/content", "/p/content-old/a.png")).toBe(false);
    expect(isInside("/p/content", "/p/content/../secrets.json")).toBe(false);
    expect(isInside("/p/content", "/etc/hostname")).toBe(false);
  });

  it("resolves relative paths from the working directory", () => {
    expect(isInside(".", path.join(process.cwd(), "a"))).toBe(true);
    expect(isInside(".", "..")).toBe(false);
  });
});
