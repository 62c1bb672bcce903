// Hands an exported file to the browser as a download. A browser short of memory or disk space may
// refuse to hold a large file as a Blob: that is said in French (the workspace is untouched).
import type { ExportedFile } from '../../core/types';

export function download(file: ExportedFile): void {
  let url: string;
  try {
    url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mime }));
  } catch (error) {
    const mb = (file.bytes.length / 1_048_576).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
    throw new Error(
      `le navigateur n'a pas pu préparer le fichier ${file.fileName} (${mb} Mo) : mémoire ou espace disque insuffisant (quota). ` +
        'Libérez de la place ou exportez en FlatGeobuf, plus compact.',
      { cause: error },
    );
  }
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
