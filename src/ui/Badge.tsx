// Status badges: the words carry the meaning, the colour only repeats it.
export type BadgeKind = 'erreur' | 'avertissement' | 'info' | 'chargement';

const PREFIX: Record<BadgeKind, string> = {
  erreur: 'Erreur',
  avertissement: 'Partiel',
  info: 'Information',
  chargement: 'Chargement',
};

export function Badge({ kind, children }: { kind: BadgeKind; children?: React.ReactNode }) {
  return (
    <span className={`badge badge-${kind}`} role={kind === 'erreur' ? 'status' : undefined}>
      <strong>{PREFIX[kind]}</strong>
      {children ? <> : {children}</> : null}
    </span>
  );
}
