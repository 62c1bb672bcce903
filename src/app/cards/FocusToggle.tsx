// The card's focus, one click away from the whole map: says what the map shows and switches between
// the card's layers only and all the reader's layers (with the card's).
import type { CardFocus } from '../state/useVisibilityState';
import { useI18n } from '../i18n';

/** `compact` (over the map): the button alone, the card's panel says what the map shows. */
export function FocusToggle({ focus, compact = false }: { focus: CardFocus; compact?: boolean }) {
  const { t } = useI18n();
  if (!focus.card) return null;
  return (
    <div className="focus-toggle">
      {!compact && <p aria-live="polite">{focus.focused ? t('focus.onlyCard') : t('focus.allShown')}</p>}
      <button type="button" className="secondary-button" onClick={focus.focused ? focus.showAll : focus.focusCard}>
        {focus.focused ? t('focus.showAll') : t('focus.onlyCardButton')}
      </button>
    </div>
  );
}
