import { execFile } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  articleText,
  createContentFolder,
  removeContentFolders,
} from "../support/content-folder.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `check` as editors and CI do, on a content folder; `GITHUB_ACTIONS` as given. */
function runCheck(contentDir: string, githubActions?: "true"): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.GITHUB_ACTIONS;
  if (githubActions) env.GITHUB_ACTIONS = githubActions;
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["tsx", "src/cli/check.ts", "--content", contentDir],
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
    const { stdout } = await runCheck(dir, "true");
    expect(stdout.split("\n")).toContain(
      `::error file=${dir}/articles/chery-localization.md,line=4,col=10,title=unknown-company::unknown company "Cherry" — did you mean "Chery"? — write "Chery", or add "Cherry" to content/registry/companies.yaml if it is another company`,
    );
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
