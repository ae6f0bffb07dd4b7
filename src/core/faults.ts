/**
 * Faults of the machine a command runs on, not of the course: a full disk, a
 * read-only or immutable folder, too many open files, another build writing
 * the same output. Each is reported as one line that names the path and says
 * what to do, never as a stack trace (a stack trace means a bug in Syllabus).
 */
import path from "node:path";
import { oneLine } from "./diagnostics.js";
import { isInside } from "./paths.js";

/**
 * A fault already worded for the reader; the command prints `error: <message>`
 * and exits with `exitCode`: 1, or 2 for a usage error (an option given on
 * the command line or in the environment that cannot be used).
 */
export class Fault extends Error {
  override name = "Fault";
  readonly exitCode: 1 | 2;

  constructor(message: string, { exitCode = 1 }: { exitCode?: 1 | 2 } = {}) {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * The line printed for a Fault or a file-system fault (see describeFault),
 * undefined for anything else (a bug). Its text quotes what strangers chose:
 * paths from content file names, the command read from a lock file; a
 * newline or an escape sequence in them is printed escaped (see oneLine).
 */
export function faultLine(error: unknown, retry: string): string | undefined {
  const message = error instanceof Fault ? error.message : describeFault(error, retry);
  return message === undefined ? undefined : `error: ${oneLine(message)}`;
}

interface FaultKind {
  /** As the C library words it (Node's messages and esbuild's say the same). */
  description: string;
  /** What to do, ending in the command's retry ("build again"). */
  advice: (retry: string) => string;
}

/** The file-system errors a reader can fix, by their errno code. */
const FAULT_KINDS: Readonly<Record<string, FaultKind>> = {
  EACCES: {
    description: "permission denied",
    advice: (retry) => `Give yourself permission on it (or run as its owner) and ${retry}.`,
  },
  EPERM: {
    description: "operation not permitted",
    advice: (retry) =>
      `It may be immutable (lsattr; chattr -i) or owned by another user: make it writable and ${retry}.`,
  },
  EROFS: {
    description: "read-only file system",
    advice: (retry) => `Remount it read-write, or work in a writable folder, and ${retry}.`,
  },
  ENOSPC: {
    description: "no space left on device",
    advice: (retry) => `Free some space and ${retry}.`,
  },
  EDQUOT: {
    description: "disk quota exceeded",
    advice: (retry) => `Free some space within your quota and ${retry}.`,
  },
  EMFILE: {
    description: "too many open files",
    advice: (retry) => `Raise the limit of open files (ulimit -n) and ${retry}.`,
  },
  ENFILE: {
    description: "too many open files in system",
    advice: (retry) => `Close some programs and ${retry}.`,
  },
  EBUSY: {
    description: "resource busy or locked",
    advice: (retry) =>
      `Another program or a mount holds it: unmount or close it, or work in another folder, and ${retry}.`,
  },
  ENOTDIR: {
    description: "not a directory",
    advice: (retry) => `A file stands where a folder belongs: move it away and ${retry}.`,
  },
  EEXIST: {
    description: "file already exists",
    advice: (retry) => `Move it away and ${retry}.`,
  },
  EISDIR: {
    description: "is a directory",
    advice: (retry) => `A folder stands where a file belongs: move it away and ${retry}.`,
  },
};

/** esbuild (Go) words two of them differently. */
const DESCRIPTION_ALIASES: Readonly<Record<string, string>> = {
  "file exists": "EEXIST",
  "device or resource busy": "EBUSY",
};

const CODE_BY_DESCRIPTION = new Map<string, string>([
  ...Object.entries(FAULT_KINDS).map(([code, kind]) => [kind.description, code] as const),
  ...Object.entries(DESCRIPTION_ALIASES),
]);

/** What was being done, by the system call that failed. */
const VERBS: Readonly<Record<string, string>> = {
  open: "open",
  write: "write",
  copyfile: "write",
  ftruncate: "write",
  fsync: "write",
  mkdir: "create",
  mkdtemp: "create",
  rename: "rename",
  rmdir: "remove",
  unlink: "remove",
  rm: "remove",
  scandir: "read the folder",
  opendir: "read the folder",
  read: "read",
  stat: "read",
  lstat: "read",
  access: "write",
  chmod: "change",
  utime: "change",
  link: "link",
  symlink: "link",
};

interface FoundFault {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

/**
 * The one line for a file-system fault found anywhere in an error's chain
 * (Eleventy wraps them in `originalError`, esbuild lists them in `errors`),
 * with paths as seen from the working directory; undefined for anything else.
 * `retry` ends the advice: "build again", "check again".
 */
export function describeFault(error: unknown, retry = "build again"): string | undefined {
  const found = findFault(error);
  if (!found) return undefined;
  const kind = FAULT_KINDS[found.code]!;
  const verb = VERBS[found.syscall ?? ""] ?? found.syscall ?? "write";
  const what =
    found.path === undefined
      ? `cannot ${verb}`
      : found.dest === undefined
        ? `cannot ${verb} ${displayPath(found.path)}`
        : `cannot ${verb} ${displayPath(found.path)} to ${displayPath(found.dest)}`;
  return `${what}: ${kind.description} (${found.code}). ${kind.advice(retry)}`;
}

/** A path as the reader sees it from the working directory (the project root, for the commands). */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  const outside = relative === "" || !isInside(process.cwd(), file);
  return (outside ? path.resolve(file) : relative).split(path.sep).join("/");
}

function findFault(error: unknown): FoundFault | undefined {
  // The path of the file being written, when only a wrapper names it
  // (Node's asynchronous `write` error carries no path; Eleventy's wrapper does).
  let wrapperPath: string | undefined;
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    const code = typeof record.code === "string" ? record.code : undefined;
    if (code !== undefined && code in FAULT_KINDS) {
      const file = stringField(record.path) ?? wrapperPath;
      const dest = stringField(record.dest);
      const syscall = stringField(record.syscall);
      return {
        code,
        ...(syscall === undefined ? {} : { syscall }),
        ...(file === undefined ? {} : { path: file }),
        ...(dest === undefined ? {} : { dest }),
      };
    }
    const message = stringField(record.message) ?? stringField(record.text) ?? "";
    const fromGo = goFault(message);
    if (fromGo) return fromGo;
    wrapperPath ??= /Having trouble writing to "([^"]+)"/.exec(message)?.[1];
    queue.push(record.originalError, record.cause);
    if (Array.isArray(record.errors)) queue.push(...(record.errors as unknown[]));
  }
  return undefined;
}

/** esbuild's own errors: "Failed to write to output file: write /x/y.js: no space left on device". */
function goFault(message: string): FoundFault | undefined {
  const match = /^(?:error: )?Failed to [^:]+: (\w+) (.+): ([a-z][a-z -]*)$/m.exec(message);
  const code = match ? CODE_BY_DESCRIPTION.get(match[3]!) : undefined;
  return match && code ? { code, syscall: match[1]!, path: match[2]! } : undefined;
}

function stringField(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
