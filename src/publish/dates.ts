/**
 * When each article was published, for the feed: its `date` frontmatter, else
 * the date of the commit that added its file, else the file's modification
 * time. One `git log` answers for the whole course.
 */
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";

export function firstCommitDates(root: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  const git = (args: string[]) =>
    execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    });
  let log: string;
  let prefix: string;
  try {
    log = git(["log", "--diff-filter=A", "--format=@%aI", "--name-only", "--", "content"]);
    prefix = path.relative(git(["rev-parse", "--show-toplevel"]).trim(), root);
  } catch {
    return dates; // not a Git checkout
  }
  // Newest first: the last date seen for a file is when it was added.
  let current: Date | undefined;
  for (const line of log.split("\n")) {
    if (line.startsWith("@")) current = new Date(line.slice(1));
    else if (line && current) {
      const file = prefix ? path.relative(prefix, line) : line;
      dates.set(file.split(path.sep).join("/"), current);
    }
  }
  return dates;
}

export function publishedDate(
  root: string,
  sourcePath: string,
  frontmatterDate: Date | undefined,
  gitDates: Map<string, Date>,
): Date {
  if (frontmatterDate) return frontmatterDate;
  const fromGit = gitDates.get(sourcePath);
  if (fromGit) return fromGit;
  try {
    return statSync(path.join(root, sourcePath)).mtime;
  } catch {
    return new Date(0);
  }
}
