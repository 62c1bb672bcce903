// Status badges: the words carry the meaning, the colour only repeats it.
import { useI18n, type MessageKey } from '../i18n';

export type BadgeKind = 'erreur' | 'avertissement' | 'info' | 'chargement';

const PREFIX: Record<BadgeKind, MessageKey> = {
  erreur: 'ui.badge.error',
  avertissement: 'ui.badge.partial',
  info: 'ui.badge.info',
  chargement: 'ui.badge.loading',
};

export function Badge({ kind, children }: { kind: BadgeKind; children?: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-${kind}`} role={kind === 'erreur' ? 'status' : undefined}>
      <strong>{t(PREFIX[kind])}</strong>
      {children ? (
        <>
          {t('ui.colon')}
          {children}
        </>
      ) : null}
    </span>
  );
}
