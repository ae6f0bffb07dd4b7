/** One line for a file-system fault, wherever in an error's chain it is found. */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeFault, Fault, faultLine } from "../../../src/core/faults.js";

/** An error as Node throws it. */
function systemError(code: string, fields: Record<string, string>): Error {
  return Object.assign(new Error(`${code}: something`), { code, ...fields });
}

describe("describeFault", () => {
  it("names the file of a synchronous error, relative to the working directory", () => {
    const file = path.join(process.cwd(), "_site.staging/topics/x/index.html");
    expect(describeFault(systemError("ENOSPC", { syscall: "open", path: file }))).toBe(
      "cannot open _site.staging/topics/x/index.html: no space left on device (ENOSPC). Free some space and build again.",
    );
  });

  it("names both paths of a failed rename, and ends with the command's retry", () => {
    const error = systemError("EPERM", {
      syscall: "rename",
      path: path.join(process.cwd(), "_site"),
      dest: path.join(process.cwd(), "_site.previous"),
    });
    expect(describeFault(error, "start again")).toBe(
      "cannot rename _site to _site.previous: operation not permitted (EPERM). It may be immutable (lsattr; chattr -i) or owned by another user: make it writable and start again.",
    );
  });

  it("takes the path from Eleventy's wrapper when Node's write error has none", () => {
    const error = Object.assign(
      new Error('Having trouble writing to "/srv/course/_site.staging/graph.json" from "x.njk"'),
      { originalError: systemError("ENOSPC", { syscall: "write" }) },
    );
    expect(describeFault(error)).toBe(
      "cannot write /srv/course/_site.staging/graph.json: no space left on device (ENOSPC). Free some space and build again.",
    );
  });

  it("reads esbuild's own errors", () => {
    const error = Object.assign(new Error("Build failed with 2 errors"), {
      errors: [
        {
          text: "Failed to create output directory: mkdir /srv/_site.staging: read-only file system",
        },
      ],
    });
    expect(describeFault(error)).toBe(
      "cannot create /srv/_site.staging: read-only file system (EROFS). Remount it read-write, or work in a writable folder, and build again.",
    );
  });

  it("describes a real error from Node, with a path outside the working directory in full", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "syllabus-fault-"));
    try {
      let thrown: unknown;
      try {
        mkdirSync(dir);
      } catch (error) {
        thrown = error;
      }
      expect(describeFault(thrown)).toBe(
        `cannot create ${dir}: file already exists (EEXIST). Move it away and build again.`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves anything else to be reported as a bug", () => {
    expect(describeFault(new TypeError("x is undefined"))).toBeUndefined();
    expect(describeFault(systemError("ENOENT", { syscall: "open", path: "/x" }))).toBeUndefined();
    expect(describeFault("a string")).toBeUndefined();
  });
});

describe("faultLine", () => {
  it("prints a Fault as one line, escaping what it quotes", () => {
    expect(faultLine(new Fault("held by npm start\u001b[2J\nerror: fake"), "build again")).toBe(
      "error: held by npm start\\u001b[2J\\nerror: fake",
    );
  });

  it("prints a file-system fault as one line, its path from a content file's name escaped", () => {
    const file = path.join(process.cwd(), "_site.staging/topics/a\nb\u001b[31m/index.html");
    expect(faultLine(systemError("ENOSPC", { syscall: "open", path: file }), "build again")).toBe(
      "error: cannot open _site.staging/topics/a\\nb\\u001b[31m/index.html: no space left on device (ENOSPC). Free some space and build again.",
    );
  });

  it("leaves anything else to be reported as a bug", () => {
    expect(faultLine(new TypeError("x\ny"), "build again")).toBeUndefined();
  });
});
