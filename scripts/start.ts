// npm start: data if missing or stale → app build if stale → preview server on localhost.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { runCli } from './geodata/cli';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const stampFile = join(root, 'dist', '.atlas-build-digest');

/** Digest of everything the built app is made of, data included (public/ is copied into dist/). */
function appDigest(): string {
  const hash = createHash('sha256');
  const walk = (p: string): string[] => {
    if (!existsSync(p)) return [];
    if (!statSync(p).isDirectory()) return [p];
    return readdirSync(p).flatMap((n) => walk(join(p, n)));
  };
  const files = [
    'src',
    'layers',
    'public',
    'index.html',
    'vite.config.ts',
    'scripts/deploy',
    'scripts/build',
    'scripts/pwa',
    'package-lock.json',
    'tsconfig.json',
  ]
    .flatMap((p) => walk(join(root, p)))
    .sort();
  for (const f of files) hash.update(relative(root, f)).update(readFileSync(f));
  return hash.digest('hex');
}

async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2));
  if (code !== 0) process.exit(code);

  const digest = appDigest();
  const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
  if (built === digest && existsSync(join(root, 'dist', 'index.html'))) {
    console.log('Application déjà construite : rien à refaire.');
  } else {
    console.log('Construction de l’application…');
    await build({ root, logLevel: 'warn' });
    writeFileSync(stampFile, digest);
  }

  const port = Number(process.env.PORT ?? 4173);
  const server = await preview({ root, preview: { host: '127.0.0.1', port, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(`\nAtlas Lens-Liévin est servi sur ${url}\n(Ctrl+C pour arrêter)`);
}

main().catch((error: Error) => {
  console.error(`Échec du démarrage : ${error.message}`);
  process.exit(1);
});
