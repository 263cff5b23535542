import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lockFileOf } from "../../src/build/build-lock.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { temporaryFolder } from "../support/build-fixture.ts";
import { articleText, siteYaml } from "../support/content-folder.ts";

const GOOD_ARTICLE = articleText([
  "title: Chery opens a plant",
  "date: 2022-06-01",
  "company: Chery",
]);

/** Every file below `folder` with the SHA-256 of its bytes, by relative path. */
async function hashTree(folder: string): Promise<Record<string, string>> {
  const names = await readdir(folder, { recursive: true, withFileTypes: true });
  const hashes: Record<string, string> = {};
  for (const entry of names.filter((name) => name.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(folder, file)] = createHash("sha256")
      .update(await readFile(file))
      .digest("hex");
  }
  return hashes;
}

/** The names in `folder`, the one published version written `_site.v-*`. */
async function namesIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).map((name) => name.replace(/^_site\.v-\d+-\d+$/, "_site.v-*"));
}

let parent: string;
let contentDir: string;
let outputDir: string;
let published: Record<string, string>;

beforeEach(async () => {
  parent = await temporaryFolder("atomic");
  contentDir = path.join(parent, "content");
  outputDir = path.join(parent, "_site");
  await mkdir(path.join(contentDir, "articles"), { recursive: true });
  await writeFile(path.join(contentDir, "site.yaml"), siteYaml());
  await writeFile(path.join(contentDir, "articles", "chery-plant.md"), GOOD_ARTICLE);
  const first = await buildSite({ contentDir, outputDir });
  if (!first.ok) throw new Error("The first build of the atomic-output fixture failed");
  published = await hashTree(outputDir);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(parent, { recursive: true, force: true });
});

describe("a build that fails", () => {
  it("on a broken article leaves the published site byte for byte as it was", async () => {
    await writeFile(path.join(contentDir, "articles", "chery-plant.md"), "---\ntitle: [\n---\n");

    const second = await buildSite({ contentDir, outputDir });

    expect(second.ok).toBe(false);
    expect(await hashTree(outputDir)).toEqual(published);
  });

  it("inside Eleventy leaves the published site as it was and no staging folder behind", async () => {
    const staging = `${outputDir}.staging-${process.pid}`;
    vi.spyOn(Eleventy.prototype, "write").mockImplementationOnce(async () => {
      // Fail halfway, as a template error would: some pages are already written.
      await mkdir(path.join(staging, "articles"), { recursive: true });
      await writeFile(path.join(staging, "index.html"), "half a site");
      throw new Error("a template failed to render");
    });

    await expect(buildSite({ contentDir, outputDir })).rejects.toThrow("a template failed");

    expect(await hashTree(outputDir)).toEqual(published);
    expect(await namesIn(parent)).toEqual(["_site", "_site.v-*", "content"]);
  });

  it("on an incomplete site leaves the published site as it was, naming the article", async () => {
    const staging = `${outputDir}.staging-${process.pid}`;
    const write = Eleventy.prototype.write;
    vi.spyOn(Eleventy.prototype, "write").mockImplementationOnce(async function (this: Eleventy) {
      const written = await write.call(this);
      await rm(path.join(staging, "articles", "chery-plant"), { recursive: true });
      return written;
    });

    const second = await buildSite({ contentDir, outputDir });

    expect(second.ok).toBe(false);
    expect(second.diagnostics).toContainEqual(
      expect.objectContaining({
        ruleId: "incomplete-build",
        file: expect.stringMatching(/articles\/chery-plant\.md$/),
        message: "the build wrote no page at /articles/chery-plant/",
      }),
    );
    expect(await hashTree(outputDir)).toEqual(published);
    expect(await namesIn(parent)).toEqual(["_site", "_site.v-*", "content"]);
  });
});

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

const HAVAL_ARTICLE = articleText([
  "title: Haval expands its Tula plant",
  "date: 2022-06-02",
  "company: Haval",
]);

/** `npm run build` in its own Node process (no tsx wrapper: the pid is the build's own). */
function startBuild(args: string[]) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(PROJECT_ROOT, "src/cli/build.ts"), ...args],
    { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { pid: child.pid ?? 0, kill: () => child.kill("SIGKILL"), exited, stderr: () => stderr };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What a build of `content` writes into a folder of its own, from nothing. */
async function cleanBuildOf(content: string): Promise<Record<string, string>> {
  const elsewhere = await temporaryFolder("clean");
  try {
    const result = await buildSite({
      contentDir: content,
      outputDir: path.join(elsewhere, "_site"),
    });
    if (!result.ok) throw new Error("the clean build failed");
    return await hashTree(path.join(elsewhere, "_site"));
  } finally {
    await rm(elsewhere, { recursive: true, force: true });
  }
}

describe("a build killed with SIGKILL", () => {
  it.each([
    { phase: "as soon as it holds the lock", at: (_pid: number) => lockFileOf(outputDir) },
    {
      phase: "when its staging folder appears",
      at: (pid: number) => `${outputDir}.staging-${pid}`,
    },
    {
      phase: "after it wrote the home page into its staging folder",
      at: (pid: number) => path.join(`${outputDir}.staging-${pid}`, "index.html"),
    },
  ])(
    "$phase leaves the last good site, and the next build clears its debris and writes the site a clean build writes",
    async ({ at }) => {
      await writeFile(path.join(contentDir, "articles", "haval-tula.md"), HAVAL_ARTICLE);
      const cache = path.join(parent, ".cache", "rendered-bodies.jsonl");
      const build = startBuild(["--content", contentDir, "--output", outputDir, "--cache", cache]);
      const marker = at(build.pid);
      const file = typeof marker === "number" ? lockFileOf(outputDir) : marker;
      await until(() => existsSync(file), `${file} appears`);
      build.kill();

      expect((await build.exited).signal).toBe("SIGKILL");
      expect(await hashTree(outputDir)).toEqual(published);

      const next = await buildSite({ contentDir, outputDir });

      expect(next.ok).toBe(true);
      const beside = (await namesIn(parent)).filter((name) => name.startsWith("_site"));
      expect(beside).toEqual(["_site", "_site.v-*"]);
      expect(await hashTree(outputDir)).toEqual(await cleanBuildOf(contentDir));
    },
    120_000,
  );
});

describe("two builds of one site started at once", () => {
  let corpus: string;
  beforeEach(async () => {
    corpus = path.join(parent, "corpus");
    await cp(path.join(PROJECT_ROOT, "tests/fixtures/corpus"), corpus, { recursive: true });
  });

  const WAITING =
    /^Another build of .+\/ is running \(pid (\d+), since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\); waiting up to 120 s for it to finish\.$/m;
  const REFUSED =
    /^Another build of .+\/ is still running \(pid (\d+), since [\d: -]+\), so this one stopped without writing anything; .+\/ is unchanged\. Run `npm run build` again once it has finished\. If no build is running, delete .+_site\.lock\.$/m;

  it("run one after the other: the second waits, saying so, and the site is complete", async () => {
    const args = ["--content", corpus, "--output", outputDir, "--wait", "120"];
    const builds = [startBuild(args), startBuild(args)];
    const exits = await Promise.all(builds.map((build) => build.exited));

    expect(exits.map((exit) => exit.code)).toEqual([0, 0]);
    const waited = builds.filter((build) => WAITING.test(build.stderr()));
    expect(waited).toHaveLength(1);
    const other = builds.find((build) => build !== waited[0]);
    expect(WAITING.exec(waited[0]?.stderr() ?? "")?.[1]).toBe(String(other?.pid));
    // The second found the site the first made from the same content, and left it as it is.
    expect(await namesIn(parent)).toEqual(["_site", "_site.v-*", "content", "corpus"]);
    expect(await hashTree(outputDir)).toEqual(await cleanBuildOf(corpus));
  }, 180_000);

  it("with no time to wait: the second refuses in plain words, exits 1, and the first completes the site", async () => {
    const args = ["--content", corpus, "--output", outputDir, "--wait", "0"];
    const builds = [startBuild(args), startBuild(args)];
    const exits = await Promise.all(builds.map((build) => build.exited));

    expect(exits.map((exit) => exit.code).sort()).toEqual([0, 1]);
    const refused = builds[exits.findIndex((exit) => exit.code === 1)];
    expect(refused?.stderr()).toMatch(REFUSED);
    expect(refused?.stderr()).not.toMatch(/Internal error|\n\s+at /);
    expect(await namesIn(parent)).toEqual(["_site", "_site.v-*", "content", "corpus"]);
    expect(await hashTree(outputDir)).toEqual(await cleanBuildOf(corpus));
  }, 180_000);
});
