// Writing communes.json, with the build's one-line summary of the step.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProfileInput } from './context';
import { buildCommuneProfiles } from './profiles';

/** Builds and writes communes.json into the directory (the build's staging folder). */
export function writeCommuneProfiles(dir: string, input: ProfileInput): void {
  const t0 = performance.now();
  const file = buildCommuneProfiles(input);
  writeFileSync(join(dir, 'communes.json'), JSON.stringify(file, null, 1));
  const quotes = file.communes.reduce((n, c) => n + c.quotes.length, 0);
  input.log(
    `Fiches des communes : ${file.communes.length}, ${file.communes[0]?.figures.length ?? 0} chiffres chacune, ${quotes} phrases du rapport${file.report ? '' : ' (rapport absent)'} en ${Math.round(performance.now() - t0)} ms.`,
  );
}
