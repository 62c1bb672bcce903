// Whether this browser holds a saved workspace, known without downloading the workbench: a planner
// who reloads must find their layers, so the workbench loads at start only when there are some.
// The workspace writes a flag when it has read or changed its items; before the first such write
// (a workspace saved by an older version) the database's mere presence answers.

/** Name of the workspace's IndexedDB database (src/app/workbench/store/workspace-db.ts). */
export const WORKSPACE_DB_NAME = 'atlas-lens-lievin-espace';
const KEY = 'atlas-lens-lievin.espace.non-vide';

/** Written by the workspace once restored, and on every change of its item count. */
export function rememberWorkspaceSaved(nonEmpty: boolean): void {
  try {
    window.localStorage.setItem(KEY, nonEmpty ? '1' : '0');
  } catch {
    // not remembered: the next start asks IndexedDB
  }
}

/** true or false when the flag knows; null when IndexedDB must be asked (workspaceDatabaseExists). */
export function workspaceSavedFlag(): boolean | null {
  try {
    const flag = window.localStorage.getItem(KEY);
    return flag === '1' ? true : flag === '0' ? false : null;
  } catch {
    return null;
  }
}

/** Asks IndexedDB without opening (hence without creating) the database. */
export async function workspaceDatabaseExists(): Promise<boolean> {
  try {
    if (typeof indexedDB === 'undefined') return false;
    return (await indexedDB.databases()).some((d) => d.name === WORKSPACE_DB_NAME);
  } catch {
    // databases() unknown to this browser: load the workbench, which then writes the flag.
    return true;
  }
}
