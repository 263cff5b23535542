import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../project-paths.ts";
import { runCommand } from "./run-command.ts";

const DEFAULT_BACKEND_PORT = 8081;

const DECAP_SERVER = createRequire(import.meta.url).resolve("decap-server/dist/index.js");

await runCommand(async () => {
  /**
   * `npm run cms -- --content <folder> --port <n> --backend-port <n>`: Decap's local backend,
   * which reads and writes the files of this working copy (no GitHub, no pull request), and
   * the preview with the web editor at /admin/ talking to it.
   */
  const { values } = parseArgs({
    options: {
      content: { type: "string", default: "content" },
      port: { type: "string", default: process.env.PORT ?? "8080" },
      "backend-port": { type: "string", default: String(DEFAULT_BACKEND_PORT) },
    },
  });
  const backendPort = values["backend-port"];
  const backend = spawn(process.execPath, [DECAP_SERVER], {
    stdio: "inherit",
    env: {
      ...process.env,
      PORT: backendPort,
      // Only this machine may write through it.
      BIND_HOST: "127.0.0.1",
      MODE: "fs",
      GIT_REPO_DIRECTORY: PROJECT_ROOT,
    },
  });
  const preview = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(PROJECT_ROOT, "src/cli/serve.ts"),
      "--content",
      values.content,
      "--port",
      values.port,
      "--local-backend",
      `http://127.0.0.1:${backendPort}/api/v1`,
    ],
    { stdio: "inherit" },
  );
  const stop = () => {
    backend.kill();
    preview.kill();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const code = await new Promise<number>((resolve) => {
    backend.once("exit", (status) => resolve(status ?? 1));
    preview.once("exit", (status) => resolve(status ?? 1));
  });
  stop();
  return code;
});
