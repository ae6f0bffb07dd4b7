/** A build or dev server asked to write into the project stops before touching anything. */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Fault } from "../../src/core/faults.js";
import { buildSite, startDevServer } from "../../src/eleventy/site.js";
import { temporaryCourses } from "../support/temporary-course.js";

const course = temporaryCourses("output-folder");
const ARTICLE = "---\ntitle: A\ndescription: d\n---\nbody\n";

describe("an output folder that is the project", () => {
  it("is refused by the build, which leaves the project and its folder as they were", async () => {
    // In a folder of its own, so that the lock and staging folders beside it would show.
    const root = path.join(course({ "project/content/topics/a.md": ARTICLE }), "project");
    await expect(buildSite({ root, outDir: root, report: () => undefined })).rejects.toThrow(
      new Fault(
        `cannot build into ${root}/: it holds the project ${root}/, and a build replaces and removes its output folder; build into a folder of its own, such as _site/`,
      ),
    );
    expect(readdirSync(root)).toEqual(["content"]);
    expect(readdirSync(path.dirname(root))).toEqual(["project"]);
  });

  it("is refused by the dev server, for content/ as for the root", async () => {
    const root = course({ "content/topics/a.md": ARTICLE });
    await expect(
      startDevServer({ root, outDir: path.join(root, "content"), port: false }),
    ).rejects.toThrow(/^cannot build into .*\/content\/: it is the project's content\/ or in it, /);
    expect(readdirSync(root)).toEqual(["content"]);
    expect(readdirSync(path.join(root, "content"))).toEqual(["topics"]);
  });
});
