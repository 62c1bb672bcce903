// Storage failures as the planner must read them: what happened, what was (not) saved, what to do.
// Browsers report a full disk in several ways; all of them become code 'quota'.

export type WorkspaceStorageErrorCode = 'quota' | 'indisponible' | 'corrompu' | 'inconnu';

export class WorkspaceStorageError extends Error {
  readonly code: WorkspaceStorageErrorCode;
  constructor(code: WorkspaceStorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkspaceStorageError';
    this.code = code;
  }
}

export interface StorageUsage {
  usage: number;
  quota: number;
}

/** Legacy DOMException codes: 22 = QUOTA_EXCEEDED_ERR; 1014 = Firefox NS_ERROR_DOM_QUOTA_REACHED. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const QUOTA_CODES = new Set([22, 1014]);

function errorName(error: unknown): string | null {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : null;
}

/**
 * True for a quota failure, whether it surfaces as the failing request's error or, when the
 * browser only notices at commit time, as the aborted transaction's error (Chrome, Safari).
 */
export function isQuotaError(...errors: unknown[]): boolean {
  return errors.some((error) => {
    if (typeof error !== 'object' || error === null) return false;
    const name = errorName(error);
    if (name !== null && QUOTA_NAMES.has(name)) return true;
    const code = (error as { code?: unknown }).code;
    // Only trust numeric codes on DOMException-like errors that are not AbortError (code 20).
    return typeof code === 'number' && QUOTA_CODES.has(code) && name !== 'AbortError';
  });
}

const megabytes = (bytes: number): string =>
  `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: bytes < 10_000_000 ? 1 : 0 }).format(bytes / 1_000_000)} Mo`;

export function quotaError(itemName: string | null, usage: StorageUsage | null, cause: unknown): WorkspaceStorageError {
  const used = usage && usage.quota > 0 ? ` (${megabytes(usage.usage)} utilisés sur ${megabytes(usage.quota)} autorisés)` : '';
  const what = itemName ? `La couche « ${itemName} » n'a pas été enregistrée` : "Rien n'a été enregistré";
  return new WorkspaceStorageError(
    'quota',
    `L'espace de stockage du navigateur pour ce site est plein${used}. ${what} ; ` +
      "le reste de l'espace de travail est intact. Supprimez des résultats d'analyse ou d'anciens imports, puis réessayez.",
    { cause },
  );
}

export function unavailableError(cause: unknown): WorkspaceStorageError {
  return new WorkspaceStorageError(
    'indisponible',
    "Le stockage du navigateur n'est pas disponible (navigation privée ou stockage bloqué pour ce site) : " +
      "l'espace de travail fonctionne pour cette session seulement et ne survivra pas à un rechargement de la page.",
    { cause },
  );
}

export function corruptError(what: string): WorkspaceStorageError {
  return new WorkspaceStorageError('corrompu', `L'espace de travail enregistré est illisible : ${what}.`);
}

export function unknownError(action: string, cause: unknown): WorkspaceStorageError {
  const detail = cause instanceof Error ? cause.message || cause.name : String(cause);
  return new WorkspaceStorageError('inconnu', `${action} : échec du stockage du navigateur (${detail}).`, { cause });
}
