import { execFile } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  articleText,
  createContentFolder,
  modelsSharingAnAddress,
  removeContentFolders,
} from "../support/content-folder.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

interface Run {
  status: number | null;
  stdout: string;
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
      (error, stdout) => {
        resolve({
          status: error ? (typeof error.code === "number" ? error.code : null) : 0,
          stdout,
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
