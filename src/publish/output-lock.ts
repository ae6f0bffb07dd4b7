/**
 * One writer per output folder. Two builds in one folder each replaced
 * `_site/` under the other and left it with a fraction of its files; a build
 * beside `npm start` did the same. The build and the dev server each hold
 * `<output>.lock` while they write: a second one stops at once, with a line
 * that says who holds it, and changes nothing.
 *
 * Stopping rather than waiting: a build that waits for `npm start` waits
 * until the author stops the server, with no sign why; a build that stops
 * says what to do, and a script that wants to wait can retry.
 */
import { readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { uptime } from "node:os";
import { displayPath, Fault } from "../core/faults.js";
import { outputFolders } from "./output-folders.js";

interface Holder {
  pid: number;
  /** How the holder was started: "npm run build", "npm start". */
  command: string;
  /** ISO time. */
  started: string;
}

export interface OutputLock {
  /** Removes the lock file if it is still ours; safe to call more than once. */
  release(): void;
}

/**
 * Takes the lock of an output folder, or throws a Fault naming the build that
 * holds it. A lock whose process is gone (killed, or from before the machine
 * started) is taken over, with a note.
 */
export function lockOutput(
  output: string,
  command: string,
  note: (line: string) => void = () => undefined,
): OutputLock {
  const file = outputFolders(output).lock;
  const ours: Holder = { pid: process.pid, command, started: new Date().toISOString() };
  const text = `${JSON.stringify(ours)}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      // `wx`: created only if absent, so two builds cannot both take it.
      writeFileSync(file, text, { flag: "wx" });
      break;
    } catch (error) {
      const errno = error as NodeJS.ErrnoException;
      if (errno.code !== "EEXIST") {
        // Created but not written (a full disk): an empty lock would stop the next build.
        rmSync(file, { force: true });
        errno.path ??= file;
        throw error;
      }
    }
    const holder = readHolder(file);
    if (attempt > 0 || !isStale(file, holder)) throw heldFault(output, holder);
    note(
      `note: ${holder ? `a Syllabus build that stopped (${describe(holder)})` : "a Syllabus build that stopped"} left ${displayPath(file)}; taking it over.`,
    );
    rmSync(file, { force: true });
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      const holder = readHolder(file);
      if (holder?.pid === ours.pid && holder.started === ours.started) unlinkSync(file);
    },
  };
}

function heldFault(output: string, holder: Holder | undefined): Fault {
  const who = holder ? ` (${describe(holder)})` : "";
  return new Fault(
    `another Syllabus build${who} is writing ${displayPath(output)}/; wait for it or stop it`,
  );
}

function describe(holder: Holder): string {
  return `pid ${holder.pid}, ${holder.command}, started ${clockTime(new Date(holder.started))}`;
}

/** 14:02:11 today; 2026-12-01 14:02:11 another day. */
function clockTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  if (date.toDateString() === new Date().toDateString()) return time;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}

/** The lock's holder; undefined when the file is gone or not (yet) whole. */
function readHolder(file: string): Holder | undefined {
  try {
    const value = JSON.parse(readFileSync(file, "utf8")) as Partial<Holder>;
    if (
      typeof value.pid === "number" &&
      typeof value.command === "string" &&
      typeof value.started === "string"
    )
      return { pid: value.pid, command: value.command, started: value.started };
  } catch {
    // Unreadable or half-written: treated as held, below.
  }
  return undefined;
}

/**
 * Whether the holder is gone. A lock that cannot be read is being written
 * this instant by a build starting, unless it has been so for seconds. A pid
 * may be reused after a restart, so a lock older than the machine's uptime is
 * stale too.
 */
function isStale(file: string, holder: Holder | undefined): boolean {
  if (!holder) {
    try {
      return statSync(file).mtimeMs < Date.now() - 10_000;
    } catch {
      return true;
    }
  }
  const bootedAt = Date.now() - uptime() * 1000;
  if (Date.parse(holder.started) < bootedAt) return true;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
