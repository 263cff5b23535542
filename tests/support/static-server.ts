import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/** A running server of a built site on 127.0.0.1; `close` ends it and its connections. */
export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
  ".yml": "text/yaml; charset=utf-8",
};

/** The file a request path names inside `root`, or undefined for anything outside it. */
async function fileFor(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = path.join(root, decoded.endsWith("/") ? `${decoded}index.html` : decoded);
  if (!file.startsWith(`${root}${path.sep}`)) return undefined;
  const stats = await stat(file).catch(() => undefined);
  return stats?.isFile() ? file : undefined;
}

/**
 * Serves a folder read-only on an ephemeral port of 127.0.0.1, for browser tests. It
 * answers GET and HEAD only, keeps no connection alive, and never leaves the folder.
 * `mountPath` is where the folder appears, as a site published under a path
 * (`/news-digest/`) is: nothing outside it is served.
 */
export async function serveFolder(folder: string, mountPath = "/"): Promise<StaticServer> {
  const root = path.resolve(folder);
  const server: Server = createServer(async (request, response) => {
    response.setHeader("Connection", "close");
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405).end();
      return;
    }
    const { pathname } = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = pathname.startsWith(mountPath)
      ? await fileFor(root, `/${pathname.slice(mountPath.length)}`)
      : undefined;
    if (!file) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    response.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
  server.keepAliveTimeout = 0;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
