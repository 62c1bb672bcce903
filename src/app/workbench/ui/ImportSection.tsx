// File picker for the planner's own layers (drops on the map land in the same place).
import { useRef } from 'react';
import { ACCEPTED_FILES } from './labels';
import { useI18n } from '../../i18n';

export function ImportSection({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="wb-section" aria-labelledby="wb-import-titre">
      <h3 id="wb-import-titre">{t('wb.import.title')}</h3>
      <p className="wb-hint" id="wb-import-aide">
        {t('wb.import.hint')}
      </p>
      <input
        ref={input}
        id="wb-fichiers"
        className="visually-hidden"
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        // Reached through the button below, never on its own.
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          onFiles(files);
        }}
      />
      <button type="button" className="wb-primary" onClick={() => input.current?.click()} aria-describedby="wb-import-aide">
        {t('wb.import.choose')}
      </button>
    </section>
  );
}
