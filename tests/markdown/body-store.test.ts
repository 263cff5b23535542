import { readdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BodyMissingError, BodyStore, htmlDigest } from "../../src/markdown/body-store.ts";
import { createContentFolder, removeContentFolders } from "../support/content-folder.ts";

afterEach(removeContentFolders);

const PLANT = "<p>Chery will assemble the Tiggo 4 Pro in Kaluga.</p>\n";
const TALKS = "<p>UAZ confirms talks with Chery.</p>\n";
const ref = (key: string, html: string) => ({ key, digest: htmlDigest(html) });

async function storeFolder(): Promise<string> {
  return path.join(await createContentFolder({}), ".cache", "rendered-bodies");
}

const EIGHT_DAYS_AGO = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);

describe("BodyStore", () => {
  it("reads back, in a later run, a body put and saved", async () => {
    const folder = await storeFolder();
    const store = await BodyStore.open(folder);
    store.put("plant", PLANT);
    await store.save(new Set(["plant"]));

    const reopened = await BodyStore.open(folder);
    expect(reopened.has("plant")).toBe(true);
    expect(reopened.html(ref("plant", PLANT))).toBe(PLANT);
  });

  it("hands another thread where its bodies are, in a folder or in memory", async () => {
    const inFolder = await BodyStore.open(await storeFolder());
    const inMemory = BodyStore.inMemory();
    for (const store of [inFolder, inMemory]) {
      store.put("plant", PLANT);
      await store.save(new Set(["plant"]));
      expect(BodyStore.of(store.source()).html(ref("plant", PLANT))).toBe(PLANT);
    }
  });

  it.each([
    {
      change: "deleted",
      apply: (file: string) => import("node:fs/promises").then((fs) => fs.rm(file)),
    },
    { change: "written anew with another text", apply: (file: string) => writeFile(file, TALKS) },
    { change: "cut short", apply: (file: string) => writeFile(file, PLANT.slice(0, 20)) },
  ])("refuses a body whose file was $change by another command", async ({ apply }) => {
    const folder = await storeFolder();
    const store = await BodyStore.open(folder);
    store.put("plant", PLANT);
    await store.save(new Set(["plant"]));
    await apply(path.join(folder, "plant.html"));
    expect(() => store.html(ref("plant", PLANT))).toThrow(BodyMissingError);
    expect(() => store.html(ref("plant", PLANT))).toThrow(/run the command again/);
  });

  it("never answers for a body it was not given", () => {
    expect(() => BodyStore.inMemory().html(ref("plant", PLANT))).toThrow(BodyMissingError);
  });

  it("deletes on saving only the bodies this run did not use and none used for a week", async () => {
    const folder = await storeFolder();
    const first = await BodyStore.open(folder);
    for (const [key, html] of [
      ["used-old", PLANT],
      ["unused-old", TALKS],
      ["unused-recent", TALKS],
    ]) {
      first.put(key as string, html as string);
    }
    await first.save(new Set(["used-old", "unused-old", "unused-recent"]));
    for (const key of ["used-old", "unused-old"]) {
      await utimes(path.join(folder, `${key}.html`), EIGHT_DAYS_AGO, EIGHT_DAYS_AGO);
    }

    const second = await BodyStore.open(folder);
    await second.save(new Set(["used-old"]));

    expect((await readdir(folder)).sort()).toEqual(["unused-recent.html", "used-old.html"]);
    expect(second.has("unused-old")).toBe(false);
  });

  it("leaves no temporary file behind once saved", async () => {
    const folder = await storeFolder();
    const store = await BodyStore.open(folder);
    const keys = Array.from({ length: 40 }, (_, index) => `tiggo-${index}`);
    for (const key of keys) store.put(key, `<p>Tiggo sales, week ${key}.</p>`);
    await store.save(new Set(keys));
    expect((await readdir(folder)).sort()).toEqual(keys.map((key) => `${key}.html`).sort());
  });
});
