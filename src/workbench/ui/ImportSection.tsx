// File picker for the planner's own layers (drops on the map land in the same place).
import { useRef } from 'react';
import { ACCEPTED_FILES } from './labels';

export function ImportSection({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="wb-section" aria-labelledby="wb-import-titre">
      <h3 id="wb-import-titre">Importer vos couches</h3>
      <p className="wb-hint">
        GeoJSON, FlatGeobuf, KML/KMZ, GPX, Shapefile zippé (avec .prj, .dbf), CSV. WGS 84, Lambert-93, CC50 ou Web Mercator : le
        système est détecté et vous pouvez le corriger. Vous pouvez aussi déposer les fichiers sur la carte.
      </p>
      <input
        ref={input}
        id="wb-fichiers"
        className="visually-hidden"
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          onFiles(files);
        }}
      />
      <button type="button" className="wb-primary" onClick={() => input.current?.click()}>
        Choisir des fichiers…
      </button>
    </section>
  );
}
