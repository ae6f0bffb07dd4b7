import { describe, expect, it } from "vitest";
import { classify } from "../../../src/source/find-sources.js";

describe("classify", () => {
  it("treats topics/<slug>.md and topics/<slug>/index.md as articles", () => {
    expect(classify("topics/vectors.md")).toEqual({ kind: "article", slug: "vectors" });
    expect(classify("topics/vectors/index.md")).toEqual({ kind: "article", slug: "vectors" });
  });

  it("treats deeper files under topics/ as pages", () => {
    expect(classify("topics/a/b.md")).toEqual({ kind: "page", url: "/topics/a/b/" });
    expect(classify("topics/a/b/index.md")).toEqual({ kind: "page", url: "/topics/a/b/" });
  });

  it("gives other pages a URL from their path", () => {
    expect(classify("index.md")).toEqual({ kind: "page", url: "/" });
    expect(classify("about.md")).toEqual({ kind: "page", url: "/about/" });
    expect(classify("about/index.md")).toEqual({ kind: "page", url: "/about/" });
    expect(classify("course/schedule.md")).toEqual({ kind: "page", url: "/course/schedule/" });
    expect(classify("topics.md")).toEqual({ kind: "page", url: "/topics/" });
  });
});
