import { createHash } from "node:crypto";
import path from "node:path";
import { contentDigest } from "../content/content-digest.ts";
import { todayIn } from "../dates.ts";
import { displayPath } from "../project-paths.ts";
import { loadSiteSettings, SETTINGS_FILE } from "../settings/site-settings.ts";

export interface InputsOptions {
  contentDir: string;
  /** The builder's version (`builderVersion`): templates, code, locked packages. */
  builder: string;
  /** The moment that decides which articles are scheduled. */
  now: Date;
  /** Search records per shard, when not the builder's default: it changes the index's files. */
  recordsPerShard?: number;
}

/**
 * One digest of everything a production build's output depends on: the content folder's
 * files, the builder (templates, code, locked packages), the day in the site's time zone
 * (which scheduled articles are out) and the options that change files. Undefined when the
 * settings cannot be read: that build must run to say why.
 */
export async function buildInputsDigest(options: InputsOptions): Promise<string | undefined> {
  const settingsFile = path.resolve(options.contentDir, SETTINGS_FILE);
  const settings = await loadSiteSettings(options.contentDir, displayPath(settingsFile));
  if (!settings.ok) return undefined;
  const content = contentDigest(options.contentDir);
  return createHash("sha256")
    .update(
      JSON.stringify({
        builder: options.builder,
        content,
        contentDir: path.resolve(options.contentDir),
        today: todayIn(settings.settings.timeZone, options.now),
        recordsPerShard: options.recordsPerShard ?? "default",
      }),
    )
    .digest("base64url");
}
