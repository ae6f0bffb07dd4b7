/** The GitHub Pages workflow parses and does what the README says. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, unknown>;
}

const workflow = parse(
  readFileSync(path.resolve(import.meta.dirname, "../../../.github/workflows/pages.yml"), "utf8"),
) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<
    string,
    { "runs-on": string; needs?: string; steps: Step[]; environment?: { name: string } }
  >;
};

describe("the GitHub Pages workflow", () => {
  it("runs on pushes to main with the permissions Pages needs", () => {
    expect(workflow.on).toHaveProperty("push");
    expect(workflow.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
  });

  it("builds with npm ci and the README's build command, under the prefix GitHub gives", () => {
    const steps = workflow.jobs.build!.steps;
    const runs = steps.filter((s) => s.run).map((s) => s.run);
    expect(runs).toContain("npm ci");
    expect(runs.find((r) => r?.startsWith("npm run build"))).toContain(
      '--pathprefix="${{ steps.pages.outputs.base_path }}/"',
    );
    expect(steps.find((s) => s.uses?.startsWith("actions/configure-pages"))?.id).toBe("pages");
    expect(steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))?.with).toEqual({
      path: "_site",
    });
    expect(steps.find((s) => s.uses?.startsWith("actions/checkout"))?.with).toEqual({
      "fetch-depth": 0,
    });
  });

  it("deploys the built artifact after the build", () => {
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe("build");
    expect(deploy.environment?.name).toBe("github-pages");
    expect(deploy.steps.map((s) => s.uses)).toEqual(["actions/deploy-pages@v4"]);
  });
});
