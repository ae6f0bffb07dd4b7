/** Progressive enhancements; the site works without them. */
import { enhanceCitations } from "./citations.js";
import { enhanceGraph } from "./graph.js";
import { enhanceProgress } from "./progress.js";
import { enhanceSearch } from "./search.js";
import { enhanceThemeToggle } from "./theme-toggle.js";

enhanceThemeToggle();
enhanceCitations();
enhanceGraph();
enhanceSearch();
enhanceProgress();
