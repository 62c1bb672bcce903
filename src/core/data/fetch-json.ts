// One way to fetch a JSON file of the built data, with the French messages the UI shows as they are.

/** How the messages name the file: "le catalogue des données est…", "les fiches du rapport sont…". */
export interface JsonFileName {
  subject: string;
  plural: boolean;
  /** Subject of "n'est pas un JSON valide", when it reads better than `subject`. */
  fileSubject?: string;
}

export async function fetchJson(url: string, name: JsonFileName, signal?: AbortSignal): Promise<unknown> {
  const verb = name.plural ? 'sont' : 'est';
  const s = name.plural ? 's' : '';
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch {
    throw new Error(`${name.subject} ${verb} injoignable${s} (réseau).`);
  }
  if (!response.ok) throw new Error(`${name.subject} ${verb} introuvable${s} (HTTP ${response.status}). Lancez « npm run data ».`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${name.fileSubject ?? name.subject} n'est pas un JSON valide.`);
  }
}
