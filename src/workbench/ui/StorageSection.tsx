// Where the workspace is kept, how much room it takes, and the explicit "clear" (asked twice).
import { useEffect, useState } from 'react';
import type { StorageState } from '../useWorkspace';

const mb = (bytes: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(bytes / 1_048_576);

export function StorageSection({
  storage,
  count,
  estimate,
  onClear,
}: {
  storage: StorageState;
  count: number;
  estimate: () => Promise<{ usage: number; quota: number } | null>;
  onClear: () => void;
}) {
  const [usage, setUsage] = useState<{ usage: number; quota: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (storage === 'ok') void estimate().then(setUsage, () => setUsage(null));
  }, [storage, count, estimate]);
  return (
    <section className="wb-section" aria-labelledby="wb-stockage-titre">
      <h3 id="wb-stockage-titre">Espace de travail</h3>
      <p className="wb-hint">
        {storage === 'session'
          ? "Ce navigateur refuse l'enregistrement local (navigation privée ?) : vos couches resteront disponibles jusqu'à la fermeture de l'onglet seulement."
          : 'Vos couches, résultats et styles sont enregistrés dans ce navigateur (rien n’est envoyé sur un serveur) et retrouvés à la prochaine visite.'}
        {usage && ` Place utilisée : ${mb(usage.usage)} Mo sur ${mb(usage.quota)} Mo disponibles.`}
      </p>
      {confirming ? (
        <div className="wb-confirm" role="group" aria-label="Confirmer le vidage de l'espace de travail">
          <span>
            Supprimer définitivement les {count} couche{count > 1 ? 's' : ''} de l'espace de travail ?
          </span>
          <button
            type="button"
            className="wb-danger"
            onClick={() => {
              setConfirming(false);
              onClear();
            }}
          >
            Oui, tout supprimer
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Non, garder
          </button>
        </div>
      ) : (
        <button type="button" className="wb-remove" onClick={() => setConfirming(true)} disabled={count === 0}>
          Vider l'espace de travail…
        </button>
      )}
    </section>
  );
}
