/** Progressive enhancements; the site works without them. */
import { enhanceThemeToggle } from "./theme-toggle.js";
import { enhanceToc } from "./toc.js";

enhanceThemeToggle();
enhanceToc();
