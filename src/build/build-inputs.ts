import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import {
  contentDigestKnowing,
  type KnownFile,
  type KnownFiles,
  statesDigest,
} from "../content/content-digest.ts";
import { todayIn } from "../dates.ts";
import { writeFileAtomically } from "../leftovers.ts";
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
  /**
   * Where what this digest learns of each content file is kept for the next one, which then
   * reads only the files changed since (`contentDigestKnowing`); every file is read when absent.
   */
  knownFilesFile?: string;
}

/** Files changed this recently are read again next time: see `contentDigestKnowing`. */
const SETTLING_MS = 2000;

const KNOWN_FILES_FORMAT = 1;

interface StoredKnownFiles {
  format: number;
  contentDir: string;
  /** Path inside the content folder → [state, digest]. */
  files: Record<string, [string, string]>;
}

/** What the last digest of `contentDir` learnt; nothing when it was of another folder or is unreadable. */
async function readKnownFiles(file: string, contentDir: string): Promise<KnownFiles> {
  try {
    const stored = JSON.parse(await readFile(file, "utf8")) as StoredKnownFiles;
    if (stored.format !== KNOWN_FILES_FORMAT || stored.contentDir !== contentDir) return new Map();
    return new Map(
      Object.entries(stored.files).map(([name, [state, digest]]) => [name, { state, digest }]),
    );
  } catch {
    return new Map();
  }
}

function sameFiles(a: KnownFiles, b: ReadonlyMap<string, KnownFile>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, file] of b) {
    const other = a.get(name);
    if (other?.state !== file.state || other.digest !== file.digest) return false;
  }
  return true;
}

/**
 * The content folder's digest, reading only what changed since the last one kept in
 * `knownFilesFile`, and the digest of its files' states before they were read.
 */
async function contentDigestOf(
  contentDir: string,
  knownFilesFile?: string,
): Promise<{ digest: string; states: string; files: ReadonlyMap<string, string> }> {
  const root = path.resolve(contentDir);
  const known = knownFilesFile ? await readKnownFiles(knownFilesFile, root) : new Map();
  const { digest, files, states, digests } = contentDigestKnowing(
    root,
    known,
    Date.now() - SETTLING_MS,
  );
  if (knownFilesFile && !sameFiles(known, files)) {
    const stored: StoredKnownFiles = {
      format: KNOWN_FILES_FORMAT,
      contentDir: root,
      files: Object.fromEntries(
        [...files].map(([name, file]) => [name, [file.state, file.digest]]),
      ),
    };
    // Only time is lost when this cannot be kept: the next digest reads every file.
    await mkdir(path.dirname(knownFilesFile), { recursive: true })
      .then(() => writeFileAtomically(knownFilesFile, JSON.stringify(stored)))
      .catch(() => undefined);
  }
  return { digest, states: statesDigest(states), files: digests };
}

/**
 * Each content file's digest now (`InputsSeen.files`), for a process handed the rest of its
 * inputs by the one that found them: reading only what changed since that one looked.
 */
export async function contentFileDigests(
  contentDir: string,
  knownFilesFile?: string,
): Promise<ReadonlyMap<string, string>> {
  return (await contentDigestOf(contentDir, knownFilesFile)).files;
}

/**
 * What a build's inputs were when it started: their digest (`buildInputsDigest`) and the
 * digest of the content files' states (`statesDigest`), which tells at the end of the build
 * whether a file was written while the build read them.
 */
export interface InputsSeen {
  digest: string;
  states: string;
  /**
   * Each content file's digest (its path and bytes, or where a link leads) by path inside
   * the folder: what loading takes unchanged articles by (`KeptArticles`). Absent when
   * handed over from another process.
   */
  files?: ReadonlyMap<string, string>;
}

/**
 * One digest of everything a production build's output depends on: the content folder's
 * files, the builder (templates, code, locked packages), the day in the site's time zone
 * (which scheduled articles are out) and the options that change files, with the states of
 * the content files before any was read. Undefined when the settings cannot be read: that
 * build must run to say why.
 */
export async function buildInputsDigest(options: InputsOptions): Promise<InputsSeen | undefined> {
  const settingsFile = path.resolve(options.contentDir, SETTINGS_FILE);
  // The states are taken first: a file written from here on is told at the end of the build.
  const {
    digest: content,
    states,
    files,
  } = await contentDigestOf(options.contentDir, options.knownFilesFile);
  const settings = await loadSiteSettings(options.contentDir, displayPath(settingsFile));
  if (!settings.ok) return undefined;
  const digest = createHash("sha256")
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
  return { digest, states, files };
}
