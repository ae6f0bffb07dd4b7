/**
 * `npm start`: the dev server at http://localhost:8080/, rebuilding on every
 * change to the course, its layouts or its data; drafts included; every
 * problem printed and shown at the top of every page. (`tsx watch` restarts
 * it when Syllabus's own code changes.)
 */
import { startDevServer } from "../eleventy/site.js";
import { option } from "./arguments.js";

const pathPrefix = option("pathprefix");
const port = option("port");
await startDevServer({
  root: process.cwd(),
  ...(pathPrefix === undefined ? {} : { pathPrefix }),
  ...(port === undefined ? {} : { port: Number(port) }),
});
