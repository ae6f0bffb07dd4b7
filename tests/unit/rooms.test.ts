/**
 * The rooms of the pipeline and the one direction of imports (eslint.config.js):
 * `npm test` must fail on an import from a lower room into a higher one. This
 * lints probe files with the project's own ESLint configuration, so that the
 * rule cannot be dropped or loosened without a test saying so.
 */
import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({
  cwd: ROOT,
  // The probes are not in the TypeScript project: only the untyped rules run on them.
  overrideConfig: [{ files: ["**/*.ts"], ...tseslint.configs.disableTypeChecked }],
});

async function roomErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "import-x/no-restricted-paths")
    .map((m) => m.message);
}

describe("imports point one way, down the rooms", () => {
  it("rejects an import from a lower room into a higher one", async () => {
    const errors = await roomErrors(
      "src/core/probe.ts",
      'import { loadCourse } from "../course/load-course.js";\nvoid loadCourse;\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("src/core/ may not import from a room above it");
  });

  it("rejects an import between sibling capabilities", async () => {
    const errors = await roomErrors(
      "src/citations/probe.ts",
      'import { collectGlossary } from "../glossary/glossary.js";\nvoid collectGlossary;\n',
    );
    expect(errors).toHaveLength(1);
  });

  it("lets browser code import only what core shares with the browser", async () => {
    expect(
      await roomErrors(
        "src/client/probe.ts",
        'import type { GraphJson } from "../core/browser/graph-json.js";\nexport type G = GraphJson;\n',
      ),
    ).toEqual([]);
    expect(
      await roomErrors(
        "src/client/probe.ts",
        'import { SITE_PATHS } from "../core/urls.js";\nvoid SITE_PATHS;\n',
      ),
    ).toHaveLength(1);
  });

  it("accepts imports down the rooms", async () => {
    const code =
      'import { escapeHtml } from "../core/html.js";\nimport { createMarkdown } from "../markdown/create-markdown.js";\nvoid escapeHtml;\nvoid createMarkdown;\n';
    expect(await roomErrors("src/render/probe.ts", code)).toEqual([]);
  });
});
