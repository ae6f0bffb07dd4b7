/**
 * Runs a Syllabus command (src/cli/<name>.ts) as the user does, in its own
 * process with the course folder as its working directory, and collects what
 * it printed and how it ended. Each run is a fresh process: nothing cached by
 * an earlier build in the test's own process leaks into it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const REPO = path.resolve(import.meta.dirname, "../..");
// tsx resolved from this repository, not from the course folder the command runs in.
const TSX = pathToFileURL(path.join(REPO, "node_modules/tsx/dist/loader.mjs")).href;

export interface Finished {
  /** The exit code, or null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  finished: Promise<Finished>;
}

export function startCommand(command: "build" | "check" | "start", cwd: string): Running {
  const child = spawn(
    process.execPath,
    ["--import", TSX, path.join(REPO, "src/cli", `${command}.ts`)],
    { cwd, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, finished };
}

export function runCommand(command: "build" | "check" | "start", cwd: string): Promise<Finished> {
  return startCommand(command, cwd).finished;
}

/** Every file in a folder (path from it → SHA-1 of its bytes), to compare a site before and after. */
export function folderDigest(dir: string): Record<string, string> {
  const digest: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const file = path.join(current, entry.name);
      if (entry.isDirectory()) walk(file);
      else
        digest[path.relative(dir, file).split(path.sep).join("/")] = createHash("sha1")
          .update(readFileSync(file))
          .digest("hex");
    }
  };
  walk(dir);
  return digest;
}

/** Entries of a folder whose names start with `prefix` (the output's siblings: `_site.staging`, `_site.lock`). */
export function siblings(dir: string, prefix: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix))
    .sort();
}
