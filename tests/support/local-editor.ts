import { type ChildProcess, spawn } from "node:child_process";
import { cp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { adminFiles, writeExtraFiles } from "../../src/admin/admin-files.ts";
import { loadSiteSettings } from "../../src/settings/site-settings.ts";
import { type StaticServer, serveFolder } from "./static-server.ts";
import { temporaryFolder } from "./temporary-folder.ts";

const DECAP_SERVER = createRequire(import.meta.url).resolve("decap-server/dist/index.js");

/** The web editor on 127.0.0.1 against Decap's local backend over a copy of a content folder. */
export interface LocalEditor {
  /** The repository folder decap-server serves; the content is its `content/`. */
  repoDir: string;
  contentDir: string;
  /** The address of `/admin/`. */
  adminUrl: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Resolves once decap-server says it listens; rejects if it exits first. */
function started(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("listening")) resolve();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`decap-server exited (${code}):\n${output}`)));
  });
}

/**
 * Copies a fixture content folder (its articles limited to `articles` when given, so builds
 * stay quick) into a temporary repository and serves the editor against it.
 */
export async function startLocalEditor(
  fixtureDir: string,
  articles?: readonly string[],
): Promise<LocalEditor> {
  const repoDir = await temporaryFolder("editor");
  const contentDir = path.join(repoDir, "content");
  const outputDir = path.join(repoDir, "_admin");
  await cp(fixtureDir, contentDir, {
    recursive: true,
    filter: (source) =>
      !articles ||
      path.dirname(source) !== path.join(fixtureDir, "articles") ||
      articles.includes(path.basename(source)),
  });
  const settings = await loadSiteSettings(contentDir, "content/site.yaml");
  if (!settings.ok) throw new Error(`${fixtureDir} has no valid site.yaml`);
  const port = await freePort();
  await writeExtraFiles(
    outputDir,
    await adminFiles({
      settings: settings.settings,
      contentDir,
      repoRoot: repoDir,
      localBackend: `http://127.0.0.1:${port}/api/v1`,
    }),
  );
  const backend = spawn(process.execPath, [DECAP_SERVER], {
    env: {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      BIND_HOST: "127.0.0.1",
      MODE: "fs",
      GIT_REPO_DIRECTORY: repoDir,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let server: StaticServer | undefined;
  try {
    await started(backend);
    server = await serveFolder(outputDir);
  } catch (error) {
    backend.kill();
    await rm(repoDir, { recursive: true, force: true });
    throw error;
  }
  const site = server;
  return {
    repoDir,
    contentDir,
    // Decap looks for a local backend only on a page served from localhost or 127.0.0.1.
    adminUrl: `${site.origin}/admin/`,
    async close() {
      backend.kill();
      await site.close();
      await rm(repoDir, { recursive: true, force: true });
    },
  };
}
