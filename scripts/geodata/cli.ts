// npm run data [-- --force] [--en-ligne] [--out DIR]: builds public/data from the sources.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGeodata, MissingSourcesError } from './build';
import { ChecksumError, resolveMirrorDir } from './acquire';

const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const flag = (name: string) => argv.includes(name);
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  try {
    const mirrorDir = resolveMirrorDir(projectRoot, env);
    const mirrorUrl = env.GEODATA_MIRROR_URL || null;
    console.log(
      `Atlas Lens-Liévin – données : ${mirrorDir ? `miroir ${mirrorDir}` : mirrorUrl ? `miroir HTTP ${mirrorUrl}` : 'pas de miroir, fichiers d’origine en ligne'}`,
    );
    await buildGeodata({
      projectRoot,
      mirrorDir,
      mirrorUrl,
      online: flag('--en-ligne') || env.GEODATA_ONLINE === '1',
      cacheDir: join(projectRoot, '.cache', 'geodata'),
      outDir: resolve(projectRoot, value('--out') ?? env.ATLAS_DATA_OUT ?? join('public', 'data')),
      force: flag('--force'),
      log: (line) => console.log(line),
    });
    return 0;
  } catch (error) {
    if (error instanceof MissingSourcesError || error instanceof ChecksumError) console.error(`\n${error.message}\n`);
    else console.error(`\nÉchec de la construction des données : ${(error as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
