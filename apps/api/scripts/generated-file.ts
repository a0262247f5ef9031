import { readFile, writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const rootDir = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * Brings a checked-in generated file to `wanted`, or with `check` only says whether it is: 0 when
 * it is (or was written), 1 when it is out of date (the message names the command that regenerates it).
 */
export async function updateGeneratedFile(file: string, wanted: string, options: { check: boolean; command: string }): Promise<number> {
  const name = relative(rootDir, file);
  const current = await readFile(file, "utf8").catch(() => "");
  if (current === wanted) return 0;
  if (options.check) {
    console.error(`${name} is out of date: run \`${options.command}\``);
    return 1;
  }
  await writeFile(file, wanted);
  console.log(`${name} regenerated`);
  return 0;
}
