import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/**
 * The rooms of the pipeline, from the bottom (imported by everything) to the
 * top (imports everything). A module may import from its own room and from
 * rooms below it, never from one above. Rooms listed together are siblings
 * that may not import each other (the capabilities meet only in render/ and
 * course/). See ../shared/STYLE.md and the README's "Project layout".
 */
const ROOMS = [
  ["core"],
  ["source"],
  ["schema"],
  ["markdown"],
  ["shortcodes", "citations", "glossary", "graph"],
  ["render"],
  ["course"],
  ["publish"],
  ["views"],
  ["eleventy"],
  ["cli"],
];

function roomZones() {
  const zones = [];
  ROOMS.forEach((tier, index) => {
    const higher = ROOMS.slice(index + 1).flat();
    for (const room of tier) {
      const siblings = tier.filter((other) => other !== room);
      const from = [...higher, ...siblings, "client"].map((r) => `./src/${r}`);
      zones.push({
        target: `./src/${room}`,
        from,
        message: `src/${room}/ may not import from a room above it or beside it (rooms: ${ROOMS.map((t) => t.join("+")).join(" ← ")}).`,
      });
    }
  });
  // Browser code runs in the reader's browser: it may share only the types and constants in core/browser/.
  zones.push({
    target: "./src/client",
    from: "./src",
    except: ["./client", "./core/browser"],
    message:
      "src/client/ may import only from src/core/browser/ (types and constants shared with the browser).",
  });
  return zones;
}

export default tseslint.config(
  { ignores: ["_site/**", "node_modules/**", "tests/fixtures/**", "**/_site*/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ["src/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: roomZones() }],
      "import-x/no-unresolved": "error",
    },
  },
  {
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
