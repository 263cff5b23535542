import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, expect, it } from "vitest";
import { articleText, siteYaml } from "../support/content-folder.ts";
import { temporaryFolder } from "../support/temporary-folder.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

let project: string;
beforeEach(async () => {
  // A project as an editor has it, from the preview's point of view: its content and templates.
  project = await temporaryFolder("preview");
  await symlink(path.join(PROJECT_ROOT, "templates"), path.join(project, "templates"));
  await mkdir(path.join(project, "content", "articles"), { recursive: true });
  await writeFile(path.join(project, "content", "site.yaml"), siteYaml());
  await writeFile(
    path.join(project, "content", "articles", "uaz-patriot-update.md"),
    articleText([
      "title: UAZ updates the Patriot",
      "date: 2022-06-01",
      "company: UAZ",
      "draft: true",
    ]),
  );
});
afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

it("npm start builds the site into _preview/ and serves it, leaving _site/ to production builds", async () => {
  const port = await freePort();
  const preview = spawn(
    process.execPath,
    ["--import", TSX, path.join(PROJECT_ROOT, "src/cli/serve.ts"), "--port", String(port)],
    { cwd: project, stdio: "ignore" },
  );
  try {
    let home: Response | undefined;
    const deadline = Date.now() + 90_000;
    while (home?.status !== 200 && Date.now() < deadline) {
      home = await fetch(`http://127.0.0.1:${port}/articles/uaz-patriot-update/`).catch(
        () => undefined,
      );
      if (home?.status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }

    expect(home?.status).toBe(200);
    expect(await home?.text()).toContain("UAZ updates the Patriot");
    expect(
      existsSync(path.join(project, "_preview", "articles", "uaz-patriot-update", "index.html")),
    ).toBe(true);
    expect(existsSync(path.join(project, "_site"))).toBe(false);
  } finally {
    const exited = new Promise((resolve) => preview.once("exit", resolve));
    preview.kill("SIGTERM");
    await exited;
  }
}, 120_000);
