// Legend of one sublayer, from the same style classes as the map.
import type { SublayerDefinition, Theme } from '../../../layers/types';
import { useI18n } from '../i18n';
import { domainString } from '../i18n/domain';
import { Domain } from '../i18n/Localized';
import { SymbolSwatch } from './SymbolSwatch';

export function Legend({ sublayer, theme }: { sublayer: SublayerDefinition; theme: Theme }) {
  const { t, locale } = useI18n();
  const classes = sublayer.classes(theme);
  const first = classes[0]?.symbol;
  return (
    <ul className="legend" aria-label={t('ui.legend.label', { title: domainString(locale, sublayer.title) })}>
      {classes.map((c) => (
        <li key={c.id}>
          <SymbolSwatch symbol={c.symbol} geometry={sublayer.geometry} ground={theme.territoryFill} />
          <span>
            <Domain>{c.label}</Domain>
          </span>
        </li>
      ))}
      {sublayer.uncertaintyMetres && first && (
        <li>
          <svg className="swatch" width="30" height="20" viewBox="0 0 30 20" aria-hidden="true" focusable="false">
            <rect
              x="0.5"
              y="0.5"
              width="29"
              height="19"
              rx="2"
              fill={`rgb(${theme.territoryFill.slice(0, 3).join(' ')})`}
              stroke="rgb(150 160 166)"
            />
            <circle
              cx="15"
              cy="10"
              r="7"
              fill={`rgb(${first.fill?.slice(0, 3).join(' ') ?? '0 0 0'} / 0.12)`}
              stroke={`rgb(${(first.fill ?? first.line).slice(0, 3).join(' ')})`}
              strokeWidth="1.5"
              strokeDasharray="3 2"
            />
          </svg>
          <span>{t('ui.legend.uncertainty')}</span>
        </li>
      )}
    </ul>
  );
}
