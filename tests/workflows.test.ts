import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type Job,
  type Step,
  type Workflow,
  workflowSchema,
} from "./support/github-workflow-schema.ts";
import { temporaryFolder } from "./support/temporary-folder.ts";

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    "git",
    ["-c", "user.name=Editor", "-c", "user.email=editor@example.org", ...args],
    {
      cwd,
      encoding: "utf8",
    },
  ).trim();
}

const WORKFLOWS_DIR = path.resolve(import.meta.dirname, "../.github/workflows");
const WORKFLOW_FILES = readdirSync(WORKFLOWS_DIR).filter((name) => /\.ya?ml$/.test(name));

function readWorkflow(name: string): unknown {
  return parse(readFileSync(path.join(WORKFLOWS_DIR, name), "utf8"));
}

function workflow(name: string): Workflow {
  return workflowSchema.parse(readWorkflow(name));
}

function job(workflowFile: string, id: string): Job {
  const found = workflow(workflowFile).jobs[id];
  if (!found) throw new Error(`${workflowFile} has no job "${id}"`);
  return found;
}

/** Where the first step matching `test` is, so tests can assert the order of steps. */
function stepIndex(steps: readonly Step[], test: (step: Step) => boolean, what: string): number {
  const index = steps.findIndex(test);
  if (index === -1) throw new Error(`no step ${what}`);
  return index;
}

const uses = (action: string) => (step: Step) => step.uses?.split("@")[0] === action;
const runs = (pattern: RegExp) => (step: Step) => step.run !== undefined && pattern.test(step.run);

describe("GitHub workflows", () => {
  it.each(WORKFLOW_FILES)("%s follows the workflow syntax", (name) => {
    const result = workflowSchema.safeParse(readWorkflow(name));

    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each(WORKFLOW_FILES)("%s only needs jobs it defines", (name) => {
    const { jobs } = workflow(name);
    const needed = Object.values(jobs).flatMap((each) => [each.needs ?? []].flat());

    expect(needed.filter((id) => !(id in jobs))).toEqual([]);
  });

  it("checks every pull request", () => {
    expect(Object.keys(workflow("pull-request.yml").on)).toEqual(["pull_request"]);
  });

  it("sets up Node 20 with the npm cache, installs exactly the locked packages and Chromium for the tests", () => {
    const { steps } = job("pull-request.yml", "test");

    const checkout = stepIndex(steps, uses("actions/checkout"), "checks out");
    const node = stepIndex(steps, uses("actions/setup-node"), "sets up Node");
    const install = stepIndex(steps, runs(/^npm ci\b/), "runs npm ci");
    const chromium = stepIndex(steps, runs(/apt-get install .*\bchromium\b/), "installs Chromium");
    const test = stepIndex(steps, runs(/^npm test$/), "runs npm test");
    expect(steps[node]?.with).toEqual({ "node-version": 20, cache: "npm" });
    expect(checkout).toBeLessThan(node);
    expect(node).toBeLessThan(install);
    expect(install).toBeLessThan(chromium);
    expect(chromium).toBeLessThan(test);
  });

  it("checks the content, then builds it, on every pull request, without Chromium", () => {
    const content = job("pull-request.yml", "content");

    const install = stepIndex(content.steps, runs(/^npm ci\b/), "runs npm ci");
    const check = stepIndex(content.steps, runs(/^npm run check$/), "runs npm run check");
    const build = stepIndex(content.steps, runs(/^npm run build$/), "runs npm run build");
    expect(content.if).toBeUndefined();
    expect(install).toBeLessThan(check);
    expect(check).toBeLessThan(build);
    expect(content.steps.some(runs(/chromium/))).toBe(false);
  });

  it("runs the engine's tests only when the changes job says the pull request touches more than content", () => {
    const test = job("pull-request.yml", "test");
    const changes = job("pull-request.yml", "changes");

    expect(test.needs).toBe("changes");
    expect(test.if).toBe("needs.changes.outputs.code == 'true'");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's expression syntax, not JavaScript's
    expect(changes.outputs).toEqual({ code: "${{ steps.diff.outputs.code }}" });
  });

  describe("the changes job's decision", () => {
    const script = job("pull-request.yml", "changes").steps.find((step) => step.id === "diff")?.run;
    let repository = "";

    beforeAll(async () => {
      repository = await temporaryFolder("pull-request-changes");
      git(repository, "init", "-q", "-b", "main");
      writeFileSync(path.join(repository, "README.md"), "news\n");
      git(repository, "add", ".");
      git(repository, "commit", "-qm", "base");
    });
    afterAll(async () => {
      await rm(repository, { recursive: true, force: true });
      await rm(`${repository}.github-output`, { force: true });
    });

    it.each([
      { change: "an article", files: ["content/articles/chery-tula-plant.md"], code: "false" },
      {
        change: "an article and the models registry",
        files: ["content/articles/haval-jolion.md", "content/registry/models.yaml"],
        code: "false",
      },
      { change: "the site settings", files: ["content/site.yaml"], code: "false" },
      { change: "the engine's code", files: ["src/urls.ts"], code: "true" },
      {
        change: "an article and a template",
        files: ["content/articles/geely-atlas.md", "templates/pages/article.njk"],
        code: "true",
      },
      { change: "the locked packages", files: ["package-lock.json"], code: "true" },
      { change: "a workflow", files: [".github/workflows/deploy.yml"], code: "true" },
      {
        change: "a file outside content/ whose name starts alike",
        files: ["contents.md"],
        code: "true",
      },
    ])("says code=$code for a pull request changing $change", ({ files, code }) => {
      const branch = `change-${files.join("-").replace(/[^a-z0-9]+/gi, "-")}`;
      git(repository, "checkout", "-q", "-b", branch, "main");
      for (const file of files) {
        mkdirSync(path.dirname(path.join(repository, file)), { recursive: true });
        writeFileSync(path.join(repository, file), `${file}\n`);
      }
      git(repository, "add", ".");
      git(repository, "commit", "-qm", branch);
      const output = `${repository}.github-output`;
      writeFileSync(output, "");
      execFileSync("bash", ["-c", script ?? "exit 1"], {
        cwd: repository,
        env: {
          ...process.env,
          BASE: git(repository, "rev-parse", "main"),
          HEAD: git(repository, "rev-parse", "HEAD"),
          GITHUB_OUTPUT: output,
        },
      });
      git(repository, "checkout", "-q", "main");

      expect(readFileSync(output, "utf8")).toBe(`code=${code}\n`);
    });
  });

  it("gives pull requests read access to the repository only", () => {
    const pullRequest = workflow("pull-request.yml");

    expect(pullRequest.permissions).toEqual({ contents: "read" });
    expect(Object.values(pullRequest.jobs).map((each) => each.permissions)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("deploys on every push to main", () => {
    expect(workflow("deploy.yml").on.push).toEqual({ branches: ["main"] });
  });

  it("builds the site and uploads _site/ as the Pages artifact", () => {
    const { steps } = job("deploy.yml", "build");

    const build = stepIndex(steps, runs(/^npm run build$/), "runs npm run build");
    const upload = stepIndex(steps, uses("actions/upload-pages-artifact"), "uploads the site");
    expect(steps[upload]?.with).toEqual({ path: "_site/" });
    expect(build).toBeLessThan(upload);
  });

  it("restores the newest build caches and site before the build and saves them under a new key after it", () => {
    const { steps } = job("deploy.yml", "build");

    const restore = stepIndex(steps, uses("actions/cache/restore"), "restores the caches");
    const build = stepIndex(steps, runs(/^npm run build$/), "runs npm run build");
    const save = stepIndex(steps, uses("actions/cache/save"), "saves the caches");
    expect(restore).toBeLessThan(build);
    expect(build).toBeLessThan(save);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's expression syntax, not JavaScript's
    const key = "build-cache-${{ github.run_id }}-${{ github.run_attempt }}";
    // The caches, and the published site with its versions: page reuse needs the site the
    // last deploy published (the link and the folders beside it) as well as its record.
    const cached = ".cache/\n_site\n_site.v-*\n";
    expect(steps[restore]?.with).toEqual({ path: cached, key, "restore-keys": "build-cache-" });
    expect(steps[save]?.with).toEqual({ path: cached, key });
  });

  it("publishes from a job that waits for the build and may write to Pages", () => {
    const deploy = job("deploy.yml", "deploy");

    expect(deploy.needs).toBe("build");
    expect(deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy.environment).toMatchObject({ name: "github-pages" });
    expect(deploy.steps.some(uses("actions/deploy-pages"))).toBe(true);
  });

  it("lets the build job read the repository and nothing more", () => {
    const deployWorkflow = workflow("deploy.yml");

    expect(deployWorkflow.permissions).toEqual({ contents: "read" });
    expect(job("deploy.yml", "build").permissions).toBeUndefined();
  });

  it("runs one deployment at a time and never cancels one under way", () => {
    expect(workflow("deploy.yml").concurrency).toEqual({
      group: "pages",
      "cancel-in-progress": false,
    });
  });

  it("rejects a step that neither uses an action nor runs a command", () => {
    const broken = {
      name: "Pull request",
      on: { pull_request: null },
      jobs: {
        check: { "runs-on": "ubuntu-latest", steps: [{ name: "Check the content" }] },
      },
    };

    expect(workflowSchema.safeParse(broken).success).toBe(false);
  });

  it("rejects a misspelt job key", () => {
    const broken = {
      name: "Pull request",
      on: { pull_request: null },
      jobs: { check: { runs_on: "ubuntu-latest", steps: [{ run: "npm test" }] } },
    };

    expect(workflowSchema.safeParse(broken).success).toBe(false);
  });
});
