/**
 * Builds that cannot destroy a site, and one line for each file-system fault
 * (issue classes 4 and 6). Each test runs `npm run build` as the user does,
 * in its own process, and checks the exact line it prints, its exit code,
 * that the previous site is intact, and that the next build works and leaves
 * nothing behind. The faults are real: immutable folders, read-only mounts,
 * a full tmpfs, two builds at once, a build killed while Eleventy writes.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, statSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer, type DevServer } from "../../src/eleventy/site.js";
import { folderDigest, runCommand, siblings, startCommand } from "../support/cli-process.js";
import { chattrUnavailable, faultMaker, mountUnavailable } from "../support/privileged-fs.js";
import { temporaryCourses } from "../support/temporary-course.js";
import { fixture } from "./harness.js";

const makeCourse = temporaryCourses("faults");
const faults = faultMaker();
const noChattr = chattrUnavailable();
const noMount = mountUnavailable();
if (noChattr) console.warn(`faults.test.ts: skipping the immutable-folder tests: ${noChattr}`);
if (noMount) console.warn(`faults.test.ts: skipping the mount tests: ${noMount}`);

const BUILD_TIMEOUT = 120_000;

/** A copy of the minimal fixture course, in `dir` (default a new temporary folder). */
function minimalCourse(dir = makeCourse()): string {
  cpSync(fixture("core/minimal/content"), path.join(dir, "content"), { recursive: true });
  cpSync(fixture("core/minimal/_data"), path.join(dir, "_data"), { recursive: true });
  return dir;
}

/** A course of many short articles, so that Eleventy writes for long enough to be interrupted. */
function largerCourse(articles: number): string {
  const files: Record<string, string> = {
    "_data/site.json": JSON.stringify({ title: "Many", description: "A fixture." }),
    "_data/blocks.json": JSON.stringify([{ slug: "basics", title: "Basics", description: "B." }]),
  };
  for (let i = 0; i < articles; i++)
    files[`content/topics/a${i}.md`] =
      `---\ntitle: "Article ${i}"\ndescription: "Number ${i}."\nblock: basics\norder: ${i + 1}\n---\n\n` +
      Array.from({ length: 20 }, (_, p) => `Paragraph ${p} of article ${i}.`).join("\n\n");
  return makeCourse(files);
}

/** Builds and expects success; returns the digest of the site it wrote. */
async function buildOk(root: string): Promise<Record<string, string>> {
  const result = await runCommand("build", root);
  expect(result.stderr).not.toMatch(/error|panicked/);
  expect(result.code).toBe(0);
  return folderDigest(path.join(root, "_site"));
}

/** After any build has ended: only the site, none of a build's working folders. */
function expectNoLeftovers(root: string): void {
  expect(siblings(root, "_site")).toEqual(["_site"]);
}

const advice = {
  EPERM:
    "It may be immutable (lsattr; chattr -i) or owned by another user: make it writable and build again.",
  EBUSY:
    "Another program or a mount holds it: unmount or close it, or work in another folder, and build again.",
  ENOSPC: "Free some space and build again.",
};

describe.skipIf(noChattr !== undefined)("an immutable output or project folder", () => {
  let root: string;
  let site: Record<string, string>;
  beforeAll(async () => {
    root = minimalCourse();
    site = await buildOk(root);
  }, BUILD_TIMEOUT);

  it(
    "stops before replacing an immutable _site/, which stays as it was, and builds once it is writable",
    async () => {
      const output = path.join(root, "_site");
      faults.makeImmutable(output);
      const result = await runCommand("build", root);
      expect(result.stderr).toBe(
        `error: cannot rename _site to _site.previous: operation not permitted (EPERM). ${advice.EPERM}\n`,
      );
      expect(result.code).toBe(1);
      expect(folderDigest(output)).toEqual(site);
      expectNoLeftovers(root);

      faults.makeMutable(output);
      expect(await buildOk(root)).toEqual(site);
      expectNoLeftovers(root);
    },
    BUILD_TIMEOUT,
  );

  // Regression: the old site was renamed aside and the new one put in place before
  // removing the old one failed, and every later build then failed on the leftover.
  it(
    "stops before replacing _site/ when a folder inside it cannot be emptied",
    async () => {
      const topics = path.join(root, "_site/topics");
      faults.makeImmutable(topics);
      const result = await runCommand("build", root);
      expect(result.stderr).toBe(
        `error: cannot write _site/topics: operation not permitted (EPERM). ${advice.EPERM}\n`,
      );
      expect(result.code).toBe(1);
      expect(folderDigest(path.join(root, "_site"))).toEqual(site);
      expectNoLeftovers(root);
      faults.makeMutable(topics);
      await buildOk(root);
    },
    BUILD_TIMEOUT,
  );

  // Regression: Pagefind panicked with a Rust backtrace, and Eleventy printed a stack trace.
  it(
    "reports an unwritable project folder in one line, with no panic",
    async () => {
      faults.makeImmutable(root);
      const result = await runCommand("build", root);
      faults.makeMutable(root);
      expect(result.stderr).toBe(
        `error: cannot open _site.lock: operation not permitted (EPERM). ${advice.EPERM}\n`,
      );
      expect(result.code).toBe(1);
      expect(folderDigest(path.join(root, "_site"))).toEqual(site);
      expectNoLeftovers(root);
    },
    BUILD_TIMEOUT,
  );
});

describe.skipIf(noMount !== undefined)("a read-only mount and a full disk", () => {
  it(
    "stops before replacing a read-only _site/ mount, which stays as it was",
    async () => {
      const root = minimalCourse();
      const site = await buildOk(root);
      const output = path.join(root, "_site");
      faults.bindReadOnly(output);
      const result = await runCommand("build", root);
      expect(result.stderr).toBe(
        `error: cannot rename _site to _site.previous: resource busy or locked (EBUSY). ${advice.EBUSY}\n`,
      );
      expect(result.code).toBe(1);
      expect(folderDigest(output)).toEqual(site);
      expectNoLeftovers(root);
      faults.unmount(output);
      await buildOk(root);
    },
    BUILD_TIMEOUT,
  );

  // The project, its output and the staging beside it all on one small disk.
  it(
    "reports a disk that fills up mid-build in one line, keeps the previous site, and builds once there is space",
    async () => {
      const root = minimalCourse(faults.mountTmpfs(makeCourse(), "8m"));
      const site = await buildOk(root);
      const ballast = path.join(root, "ballast");
      // Fills the disk, then leaves room for the lock and the search scratch but not for a second site.
      spawnSync("dd", ["if=/dev/zero", `of=${ballast}`, "bs=64k"]);
      truncateSync(ballast, statSync(ballast).size - 256 * 1024);

      const result = await runCommand("build", root);
      expect(result.stderr).toMatch(
        /^error: cannot write _site\.staging\/\S+: no space left on device \(ENOSPC\)\. Free some space and build again\.\n$/,
      );
      expect(result.code).toBe(1);
      expect(folderDigest(path.join(root, "_site"))).toEqual(site);
      expect(siblings(root, "_site")).toEqual(["_site"]);

      truncateSync(ballast, 0);
      await buildOk(root);
      expectNoLeftovers(root);
    },
    BUILD_TIMEOUT,
  );

  it(
    "reports a disk already full in one line, and leaves no empty lock behind",
    async () => {
      const root = minimalCourse(faults.mountTmpfs(makeCourse(), "1m"));
      spawnSync("dd", ["if=/dev/zero", `of=${path.join(root, "ballast")}`, "bs=64k"]);
      const result = await runCommand("build", root);
      expect(result.stderr).toBe(
        `error: cannot write _site.lock: no space left on device (ENOSPC). ${advice.ENOSPC}\n`,
      );
      expect(result.code).toBe(1);
      expect(siblings(root, "_site")).toEqual([]);
    },
    BUILD_TIMEOUT,
  );
});

const LOCK_MESSAGE =
  /^error: another Syllabus build \(pid (\d+), (npm run build|npm start), started \d\d:\d\d:\d\d\) is writing _site\/; wait for it or stop it\n$/;

/** Waits until a file exists (or the process ended, when it never will). */
async function waitFor(file: string, stillRunning: () => boolean): Promise<void> {
  while (!existsSync(file) && stillRunning()) await new Promise((r) => setTimeout(r, 10));
}

describe("two writers of one output folder", () => {
  it(
    "of two builds started at once, one stops with the other's pid and the other completes the site",
    async () => {
      const root = largerCourse(60);
      const site = await buildOk(root);
      const builds = [startCommand("build", root), startCommand("build", root)];
      const [a, b] = await Promise.all(builds.map((build) => build.finished));
      const stopped = a!.code === 1 ? 0 : 1;
      const results = [a!, b!];
      const loser = results[stopped]!;
      const winner = results[1 - stopped]!;

      expect(loser.stderr).toMatch(LOCK_MESSAGE);
      expect(LOCK_MESSAGE.exec(loser.stderr)?.slice(1, 3)).toEqual([
        String(builds[1 - stopped]!.child.pid),
        "npm run build",
      ]);
      expect(loser.code).toBe(1);
      expect(winner.code).toBe(0);
      expect(Object.keys(folderDigest(path.join(root, "_site")))).toEqual(Object.keys(site));
      expectNoLeftovers(root);
    },
    BUILD_TIMEOUT,
  );

  describe("a build while `npm start` serves the same folder", () => {
    let root: string;
    let server: DevServer | undefined;
    beforeAll(async () => {
      root = minimalCourse();
      let built: () => void = () => undefined;
      const first = new Promise<void>((resolve) => (built = resolve));
      server = await startDevServer({
        root,
        port: false,
        report: () => undefined,
        onBuilt: () => built(),
      });
      await first;
    }, BUILD_TIMEOUT);
    afterAll(async () => {
      await server?.close();
    });

    it(
      "stops, naming the dev server, and leaves its site alone; builds once it is closed",
      async () => {
        const served = folderDigest(path.join(root, "_site"));
        const result = await runCommand("build", root);
        expect(result.stderr).toMatch(LOCK_MESSAGE);
        expect(LOCK_MESSAGE.exec(result.stderr)?.slice(1, 3)).toEqual([
          String(process.pid),
          "npm start",
        ]);
        expect(result.code).toBe(1);
        expect(folderDigest(path.join(root, "_site"))).toEqual(served);

        await server?.close();
        server = undefined;
        expect(siblings(root, "_site")).toEqual(["_site"]);
        await buildOk(root);
        expectNoLeftovers(root);
      },
      BUILD_TIMEOUT,
    );
  });
});

describe("a build stopped while Eleventy writes", () => {
  /** Scratch folders a build might leave in the system's temporary folder. */
  const searchScratch = () => readdirSync(tmpdir()).filter((n) => n.startsWith("syllabus-search-"));

  /** Starts a build and sends it `signal` once Eleventy has written pages into the staging folder. */
  async function stopMidWrite(root: string, signal: NodeJS.Signals) {
    const build = startCommand("build", root);
    let running = true;
    void build.finished.then(() => (running = false));
    await waitFor(path.join(root, "_site.staging/topics/a0/index.html"), () => running);
    expect(running).toBe(true);
    build.child.kill(signal);
    return build.finished;
  }

  // One course for both: SIGTERM leaves its site as it was, for SIGKILL to start from.
  let root: string;
  let site: Record<string, string>;
  beforeAll(async () => {
    root = largerCourse(120);
    site = await buildOk(root);
  }, BUILD_TIMEOUT);

  it(
    "on SIGTERM removes its staging and scratch folders and its lock, exits 143, and keeps the previous site",
    async () => {
      const scratchBefore = searchScratch();
      const result = await stopMidWrite(root, "SIGTERM");
      expect(result.code).toBe(143);
      expect(result.stderr).toBe("");
      expect(folderDigest(path.join(root, "_site"))).toEqual(site);
      expectNoLeftovers(root);
      expect(searchScratch()).toEqual(scratchBefore);
    },
    BUILD_TIMEOUT,
  );

  it(
    "after SIGKILL keeps the previous site, and the next build clears what was left and takes over the lock",
    async () => {
      const scratchBefore = searchScratch();
      const killed = await stopMidWrite(root, "SIGKILL");
      expect(killed.signal).toBe("SIGKILL");
      expect(folderDigest(path.join(root, "_site"))).toEqual(site);
      expect(siblings(root, "_site")).toContain("_site.lock");

      const next = await runCommand("build", root);
      expect(next.code).toBe(0);
      expect(next.stderr).toMatch(
        /^note: a Syllabus build that stopped \(pid \d+, npm run build, started \d\d:\d\d:\d\d\) left _site\.lock; taking it over\.\n$/,
      );
      expect(Object.keys(folderDigest(path.join(root, "_site")))).toEqual(Object.keys(site));
      expect(readFileSync(path.join(root, "_site/topics/a0/index.html"), "utf8")).toContain(
        "Article 0",
      );
      expectNoLeftovers(root);
      expect(searchScratch()).toEqual(scratchBefore);
    },
    BUILD_TIMEOUT,
  );
});
