import path from "node:path";

/** The project's own folders, wherever a command is run from. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, "templates");

/** The site's static files, copied as they are into the output's `assets/` folder. */
export const STATIC_ASSETS = { folder: "templates/assets", outputFolder: "assets" } as const;

/** How messages name a path: relative to the working folder when inside it, else absolute. */
export function displayPath(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? absolutePath : relative;
  return shown.split(path.sep).join("/");
}
