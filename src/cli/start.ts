/**
 * `npm start`: the dev server at http://localhost:8080/, rebuilding on every
 * change to the course, its layouts or its data; drafts included; every
 * problem printed and shown at the top of every page. (`tsx watch` restarts
 * it when Syllabus's own code changes.)
 */
import { startDevServer } from "../eleventy/site.js";

const argument = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const port = argument("port");
await startDevServer({
  root: process.cwd(),
  ...(argument("pathprefix") ? { pathPrefix: argument("pathprefix") } : {}),
  ...(port ? { port: Number(port) } : {}),
});
