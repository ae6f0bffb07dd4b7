/**
 * Two builds that find one stale lock at once: only one of them takes it
 * over. The second build's view is held back (its read of the lock returns
 * what it was) while the first takes the lock over, as when both start at
 * the same instant.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { lockOutput } from "../../../src/publish/output-lock.js";
import { temporaryCourses } from "../../support/temporary-course.js";

vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  return { ...real, readFileSync: vi.fn(real.readFileSync) };
});

const makeDir = temporaryCourses("lock-race");

describe("a stale lock found by two builds at once", () => {
  it("is taken over by one; the other stops, and the first build's lock stays", () => {
    const output = path.join(makeDir(), "_site");
    const lockFile = `${output}.lock`;
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    fs.writeFileSync(
      lockFile,
      JSON.stringify({ pid: deadPid, command: "npm run build", started: new Date().toISOString() }),
    );
    const read = vi.mocked(fs.readFileSync);
    const realRead = read.getMockImplementation()!;
    let first: ReturnType<typeof lockOutput> | undefined;
    read.mockImplementation((file, options) => {
      const text = realRead(file, options);
      if (file === lockFile && first === undefined) {
        // The other build, between this one's read and its takeover.
        read.mockImplementation(realRead);
        first = lockOutput(output, "npm start");
      }
      return text;
    });
    try {
      expect(() => lockOutput(output, "npm run build")).toThrow(
        /^another Syllabus build \(pid \d+, npm start, started .*\) is writing .*_site\/; wait for it or stop it$/,
      );
      expect(first).toBeDefined();
      expect(JSON.parse(realRead(lockFile, "utf8") as string)).toMatchObject({
        command: "npm start",
      });
      expect(fs.readdirSync(path.dirname(output))).toEqual(["_site.lock"]);
    } finally {
      read.mockImplementation(realRead);
      first?.release();
    }
  });
});
