/** Problems in prerequisites, as the build prints them: exact file:line:column, message and hint. */
import { describe, expect, it } from "vitest";
import { buildFixture, checkFixture } from "./harness.js";

describe("prerequisite diagnostics", () => {
  it("reports an unknown prerequisite (slug and {title, url} forms) at the item, with a did-you-mean hint", () => {
    expect(checkFixture("graph/unknown-prerequisite").messages).toStrictEqual([
      'content/topics/attention.md:5:5: error: Unknown prerequisite "softmaxx": no article has this slug (prerequisite-unknown)\n' +
        '  hint: did you mean "softmax"?',
      'content/topics/attention.md:7:10: error: Unknown prerequisite "nowhere": no article has this slug (prerequisite-unknown)',
    ]);
  });

  it("reports an article that lists itself", () => {
    expect(checkFixture("graph/self-prerequisite").messages).toStrictEqual([
      'content/topics/loops.md:6:5: error: Article "loops" lists itself as a prerequisite (prerequisite-self)',
    ]);
  });

  it("reports a 2-cycle once, with each edge's location", () => {
    expect(checkFixture("graph/cycle-2").messages).toStrictEqual([
      "content/topics/encoder.md:5:5: error: Prerequisite cycle: decoder → encoder → decoder (prerequisite-cycle)\n" +
        "  hint: encoder requires decoder at content/topics/encoder.md:5:5; decoder requires encoder at content/topics/decoder.md:5:5",
    ]);
  });

  it("reports a 5-cycle once, from its smallest slug, with each edge's location", () => {
    expect(checkFixture("graph/cycle-5").messages).toStrictEqual([
      "content/topics/beta.md:5:5: error: Prerequisite cycle: alpha → beta → gamma → delta → epsilon → alpha (prerequisite-cycle)\n" +
        "  hint: beta requires alpha at content/topics/beta.md:5:5; gamma requires beta at content/topics/gamma.md:5:5; " +
        "delta requires gamma at content/topics/delta.md:5:5; epsilon requires delta at content/topics/epsilon.md:5:5; " +
        "alpha requires epsilon at content/topics/alpha.md:5:5",
    ]);
  });

  it("warns about a duplicate prerequisite (slug and path) and one in a later block", () => {
    expect(checkFixture("graph/warnings").messages).toStrictEqual([
      'content/topics/practice.md:7:5: warning: Prerequisite "intro" is listed more than once (prerequisite-duplicate)',
      'content/topics/intro.md:6:5: warning: Prerequisite "deep-dive" is in block "Second Steps", which comes after this article\'s block "First Steps" (prerequisite-later-block)',
    ]);
  });

  it("does not build a course with a cycle", async () => {
    const site = await buildFixture("graph/cycle-2");
    expect(site.ok).toBe(false);
    expect(site.exists("graph/index.html")).toBe(false);
    expect(site.diagnostics.map((d) => d.rule)).toStrictEqual(["prerequisite-cycle"]);
  });

  it("builds a course with only warnings", async () => {
    const site = await buildFixture("graph/warnings");
    expect(site.ok).toBe(true);
    const graph = site.page("/graph/");
    expect(
      [...graph.querySelectorAll("a.graph-node")].map((a) => a.getAttribute("href")),
    ).toStrictEqual(["/topics/deep-dive/", "/topics/intro/", "/topics/practice/"]);
    // The prerequisite listed twice appears once.
    expect(
      [...site.page("/topics/practice/").querySelectorAll(".prerequisite-list a")].map(
        (a) => a.textContent,
      ),
    ).toStrictEqual(["Intro"]);
  });
});
