import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  articleText,
  createContentFolder,
  modelsSharingAnAddress,
  removeContentFolders,
  siteYaml,
} from "../support/content-folder.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `check` as editors and CI do, on a content folder; `GITHUB_ACTIONS` as given, and the
 * caches in the project's `.cache/` unless another render cache file is given.
 */
function runCheck(
  contentDir: string,
  { githubActions, cacheFile }: { githubActions?: "true"; cacheFile?: string } = {},
): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.GITHUB_ACTIONS;
  if (githubActions) env.GITHUB_ACTIONS = githubActions;
  return new Promise((resolve) => {
    execFile(
      "npx",
      [
        "tsx",
        "src/cli/check.ts",
        "--content",
        contentDir,
        ...(cacheFile ? ["--cache", cacheFile] : []),
      ],
      { cwd: PROJECT_ROOT, env },
      (error, stdout, stderr) => {
        resolve({
          status: error ? (typeof error.code === "number" ? error.code : null) : 0,
          stdout,
          stderr,
        });
      },
    );
  });
}

afterEach(removeContentFolders);

async function folderWithCherryTypo(): Promise<string> {
  return createContentFolder({
    registry: { companies: "companies:\n  - name: Chery\n    aliases: [Чери]\n" },
    articles: {
      "chery-localization.md": articleText([
        "title: Chery makes localizing car assembly in Russia a top priority",
        "date: 2022-06-01",
        "company: Cherry",
      ]),
      "chery-dealers.md": articleText([
        "title: Chery opens dealers in the Far East",
        "date: 2022-06-02",
        "company: Chery",
      ]),
    },
  });
}

describe("npm run check", () => {
  it("exits with status 1 when an article has an error", async () => {
    const dir = await folderWithCherryTypo();
    const { status } = await runCheck(dir);
    expect(status).toBe(1);
  });

  it("reports the error as path:line:column, severity and message", async () => {
    const dir = await folderWithCherryTypo();
    const { stdout } = await runCheck(dir);
    expect(stdout.split("\n")).toContain(
      `${dir}/articles/chery-localization.md:4:10  error  unknown company "Cherry" — did you mean "Chery"? — write "Chery", or add "Cherry" to content/registry/companies.yaml if it is another company  (unknown-company)`,
    );
  });

  it("prints no workflow annotations outside GitHub Actions", async () => {
    const dir = await folderWithCherryTypo();
    const { stdout } = await runCheck(dir);
    expect(stdout.split("\n").filter((line) => line.startsWith("::"))).toEqual([]);
  });

  it("adds a GitHub annotation for the error under GitHub Actions", async () => {
    const dir = await folderWithCherryTypo();
    const { stdout } = await runCheck(dir, { githubActions: "true" });
    expect(stdout.split("\n")).toContain(
      `::error file=${dir}/articles/chery-localization.md,line=4,col=10,title=unknown-company::unknown company "Cherry" — did you mean "Chery"? — write "Chery", or add "Cherry" to content/registry/companies.yaml if it is another company`,
    );
  });

  it("passes a new partner and model whose names resemble registered ones, with warnings only", async () => {
    const dir = await createContentFolder({
      registry: {
        companies: "companies:\n  - name: Chery\n",
        models: "models:\n  - name: Tiggo 8 Pro Max\n    company: Chery\n",
        partners: "partners:\n  - name: UAZ\n    aliases: [Ulyanovsk Automobile Plant]\n",
      },
      articles: {
        "chery-tula-assembly.md": articleText([
          "title: Chery looks for a plant in Tula for the Tiggo 8 Pro",
          "date: 2022-06-01",
          "company: Chery",
          "models: [Tiggo 8 Pro Max, Tiggo 8 Pro]",
          "partners: [UAZ, Tula Automobile Plant]",
        ]),
      },
    });
    const { status, stdout } = await runCheck(dir);
    expect({ status, lines: stdout.trim().split("\n") }).toEqual({
      status: 0,
      lines: [
        `${dir}/articles/chery-tula-assembly.md:5:27  warning  the model "Tiggo 8 Pro" is not in the registry — add it to content/registry/models.yaml with a short description  (unregistered-term)`,
        `${dir}/articles/chery-tula-assembly.md:6:17  warning  the partner "Tula Automobile Plant" is not in the registry — add it to content/registry/partners.yaml with a short description  (unregistered-term)`,
        "0 errors, 2 warnings",
      ],
    });
  });

  it("stops when two models would share an address, naming both files", async () => {
    const dir = await createContentFolder(modelsSharingAnAddress());
    const { status, stdout } = await runCheck(dir);
    expect({
      status,
      lines: stdout.split("\n").filter((line) => line.includes("(url-conflict)")),
    }).toEqual({
      status: 1,
      lines: [
        `${dir}/articles/chery-tiggo-4-pro-prices.md:5:10  error  /models/chery-tiggo-4-pro/ is claimed by the model "4 Pro" of Chery Tiggo and by the model "Tiggo 4 Pro" of Chery (${dir}/articles/chery-tiggo-4-pro-assembly.md:5:10) — correct whichever name is wrong, or write the model's full name so its page gets an address of its own  (url-conflict)`,
      ],
    });
  });

  it("reports text cut by a ` #` comment in an article and in the registry at the `#`, and exits with status 1", async () => {
    const dir = await createContentFolder({
      registry: {
        partners:
          "partners:\n  - name: UAZ\n    description: Russia's #1 maker of off-road vehicles\n",
      },
      articles: {
        "chery-number-one.md": articleText([
          "title: Chery #1 in Russia",
          "date: 2022-06-01",
          "company: Chery",
          "partners: [UAZ]",
        ]),
      },
    });

    const { status, stdout } = await runCheck(dir);

    expect(status).toBe(1);
    expect(stdout.split("\n")).toEqual(
      expect.arrayContaining([
        `${dir}/articles/chery-number-one.md:2:14  error  YAML reads "#1 in Russia" as a comment and leaves it out, so the value is cut to "Chery" — put the value in quotes: \`title: "Chery #1 in Russia"\`; if "#1 in Russia" is a note, put it on a line of its own  (comment-cuts-text)`,
        `${dir}/registry/partners.yaml:3:27  error  YAML reads "#1 maker of off-road vehicles" as a comment and leaves it out, so the value is cut to "Russia's" — put the value in quotes: \`description: "Russia's #1 maker of off-road vehicles"\`; if "#1 maker of off-road vehicles" is a note, put it on a line of its own  (comment-cuts-text)`,
      ]),
    );
  });

  it("reports the site's title cut by a ` #` comment at the `#`", async () => {
    const dir = await createContentFolder({
      site: siteYaml().replace("title: Auto Industry Digest", "title: Auto Industry Digest #1"),
    });

    const { status, stdout } = await runCheck(dir);

    expect({ status, stdout }).toEqual({
      status: 1,
      stdout: `${dir}/site.yaml:1:29  error  YAML reads "#1" as a comment and leaves it out, so the value is cut to "Auto Industry Digest" — put the value in quotes: \`title: "Auto Industry Digest #1"\`; if "#1" is a note, put it on a line of its own  (comment-cuts-text)\n1 error, 0 warnings\n`,
    });
  });

  it("accepts notes after quoted text, dates, `true` and on their own lines", async () => {
    const dir = await createContentFolder({
      site: siteYaml().replace("pageSize: 10", "pageSize: 10 # per list page"),
      registry: { companies: "companies:\n  # carmakers\n  - name: Chery\n" },
      articles: {
        "chery-number-one.md": articleText([
          "# from the TASS wire",
          'title: "Chery #1 in Russia" # May sales',
          "date: 2022-06-01 # a Wednesday",
          "company: Chery",
          "draft: false # read by the desk",
          "summary: >-",
          "  Chery is the #1 foreign brand # in May",
        ]),
      },
    });

    const { status, stdout } = await runCheck(dir);

    expect({ status, stdout }).toEqual({ status: 0, stdout: "no problems\n" });
  });

  it("reports 5,000 nested block quotes as a located error and exits with status 1", async () => {
    const dir = await createContentFolder({
      articles: {
        "uaz-quotes.md": articleText(
          ["title: UAZ quotes TASS", "date: 2022-06-02", "company: UAZ"],
          `UAZ answered TASS.\n\n${">".repeat(5000)} Patriot`,
        ),
      },
    });
    const { status, stdout, stderr } = await runCheck(dir);
    expect({ status, stderr }).toEqual({ status: 1, stderr: "" });
    expect(stdout.split("\n")).toContain(
      `${dir}/articles/uaz-quotes.md:9:33  error  block quotes and lists are nested more than 32 deep here — nest quotes (\`>\`) and lists (\`-\`, \`1.\`) only a few levels deep  (body-too-deep)`,
    );
  });

  it("keeps parsed front-matter beside the render cache and reports alike when run again", async () => {
    const dir = await folderWithCherryTypo();
    const cacheFile = path.join(dir, ".cache", "rendered-bodies.jsonl");
    const cold = await runCheck(dir, { cacheFile });
    expect((await stat(path.join(dir, ".cache", "front-matter.jsonl"))).isFile()).toBe(true);
    const warm = await runCheck(dir, { cacheFile });
    expect(warm).toEqual(cold);
  });

  it("exits with status 0 and says so when the content has no problem", async () => {
    const dir = await createContentFolder({
      articles: {
        "chery-dealers.md": articleText([
          "title: Chery opens dealers in the Far East",
          "date: 2022-06-02",
          "company: Chery",
        ]),
      },
    });
    const { status, stdout } = await runCheck(dir);
    expect({ status, stdout }).toEqual({ status: 0, stdout: "no problems\n" });
  });
});
