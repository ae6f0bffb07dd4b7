/** The output folder is replaced and removed by every build: never the project. */
import { mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Fault } from "../../../src/core/faults.js";
import { refuseProjectOutput } from "../../../src/publish/output-folders.js";
import { temporaryCourses } from "../../support/temporary-course.js";

const course = temporaryCourses("output-folders");

function refusal(root: string, output: string): string | undefined {
  try {
    refuseProjectOutput(root, output);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(Fault);
    return (error as Fault).message;
  }
}

describe("refuseProjectOutput", () => {
  const root = course({ "content/topics/a.md": "", "_data/site.json": "{}" });

  it("refuses the project root and any folder that holds it, in one line", () => {
    expect(refusal(root, root)).toBe(
      `cannot build into ${root}/: it holds the project ${root}/, and a build replaces and removes its output folder; build into a folder of its own, such as _site/`,
    );
    expect(refusal(root, path.dirname(root))).toMatch(/: it holds the project /);
    expect(refusal(root, "/")).toMatch(/: it holds the project /);
  });

  it("refuses content/, _data/ and _includes/, and any folder in them", () => {
    expect(refusal(root, path.join(root, "content"))).toBe(
      `cannot build into ${root}/content/: it is the project's content/ or in it, and a build replaces and removes its output folder; build into a folder of its own, such as _site/`,
    );
    expect(refusal(root, path.join(root, "_data"))).toMatch(/it is the project's _data\/ or in it/);
    expect(refusal(root, path.join(root, "content/topics"))).toMatch(/project's content\//);
    expect(refusal(root, path.join(root, "_includes/new"))).toMatch(/project's _includes\//);
  });

  it("follows links: an output that is a link to the project is the project", () => {
    const elsewhere = course();
    const link = path.join(elsewhere, "_site");
    symlinkSync(root, link);
    expect(refusal(root, link)).toMatch(/: it holds the project /);
    symlinkSync(path.join(root, "content"), path.join(elsewhere, "out"));
    expect(refusal(root, path.join(elsewhere, "out/new"))).toMatch(/project's content\//);
  });

  it("accepts _site/, a folder beside the project, and names that merely start alike", () => {
    mkdirSync(path.join(root, "_site"), { recursive: true });
    expect(refusal(root, path.join(root, "_site"))).toBeUndefined();
    expect(refusal(root, path.join(root, "dist/site"))).toBeUndefined();
    expect(refusal(root, `${root}-site`)).toBeUndefined();
    expect(refusal(root, path.join(root, "content-site"))).toBeUndefined();
  });
});
