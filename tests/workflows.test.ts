import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type Job,
  type Step,
  type Workflow,
  workflowSchema,
} from "./support/github-workflow-schema.ts";

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

  it("sets up Node 20 with the npm cache, installs exactly the locked packages and Chromium", () => {
    const { steps } = job("pull-request.yml", "check");

    const checkout = stepIndex(steps, uses("actions/checkout"), "checks out");
    const node = stepIndex(steps, uses("actions/setup-node"), "sets up Node");
    const install = stepIndex(steps, runs(/^npm ci\b/), "runs npm ci");
    const chromium = stepIndex(steps, runs(/apt-get install .*\bchromium\b/), "installs Chromium");
    expect(steps[node]?.with).toEqual({ "node-version": 20, cache: "npm" });
    expect(checkout).toBeLessThan(node);
    expect(node).toBeLessThan(install);
    expect(install).toBeLessThan(chromium);
  });

  it("checks the content, then tests, then builds on every pull request", () => {
    const { steps } = job("pull-request.yml", "check");

    const check = stepIndex(steps, runs(/^npm run check$/), "runs npm run check");
    const test = stepIndex(steps, runs(/^npm test$/), "runs npm test");
    const build = stepIndex(steps, runs(/^npm run build$/), "runs npm run build");
    expect(check).toBeLessThan(test);
    expect(test).toBeLessThan(build);
  });

  it("gives pull requests read access to the repository only", () => {
    const pullRequest = workflow("pull-request.yml");

    expect(pullRequest.permissions).toEqual({ contents: "read" });
    expect(Object.values(pullRequest.jobs).map((each) => each.permissions)).toEqual([undefined]);
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
