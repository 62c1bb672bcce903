// The English catalogue is not part of the first download: until it is loaded, English falls back
// to French (marked as French where it is domain text); `loadLanguage` registers it, after which
// `translate` answers synchronously in English.
import { describe, expect, it } from 'vitest';
import { isLanguageLoaded, loadLanguage, translate } from '../../src/app/i18n';
import { domainText } from '../../src/app/i18n/domain';

describe('English loaded on demand', () => {
  it('falls back to French before loading, answers in English after', async () => {
    expect(isLanguageLoaded('fr')).toBe(true);
    expect(isLanguageLoaded('en')).toBe(false);
    expect(translate('en', 'ui.layer.details', { n: 3 })).toBe(translate('fr', 'ui.layer.details', { n: 3 }));
    expect(domainText('en', 'Terrils')).toEqual({ text: 'Terrils', lang: 'fr' });
    await loadLanguage('en');
    expect(isLanguageLoaded('en')).toBe(true);
    expect(translate('en', 'ui.layer.details', { n: 3 })).toBe('Breakdown (3)');
    expect(domainText('en', 'Terrils').lang).toBeUndefined();
  });
});
