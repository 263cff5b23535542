import path from "node:path";

/** The project's own folders, wherever a command is run from. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
export const ELEVENTY_CONFIG = path.join(PROJECT_ROOT, ".eleventy.ts");
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, "templates");

/** The site's static files, copied as they are into the output's `assets/` folder. */
export const STATIC_ASSETS = { folder: "templates/assets", outputFolder: "assets" } as const;
