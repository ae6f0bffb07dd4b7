/**
 * `npm start`: the dev server at http://localhost:8080/, rebuilding on every
 * change to the course, its layouts or its data; drafts included; every
 * problem printed and shown at the top of every page. (`tsx watch` restarts
 * it when Syllabus's own code changes.) It holds `_site/`'s lock while it
 * runs: a build into the same folder stops with a message.
 */
import { startDevServer } from "../eleventy/site.js";
import { option } from "./arguments.js";
import { runCommand } from "./run-command.js";

await runCommand("start again", async () => {
  const pathPrefix = option("pathprefix");
  const port = option("port");
  await startDevServer({
    root: process.cwd(),
    ...(pathPrefix === undefined ? {} : { pathPrefix }),
    ...(port === undefined ? {} : { port: Number(port) }),
  });
});
