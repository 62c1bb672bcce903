// Basemap choice as a radio group; online options are labelled as such.
import { basemaps, type BasemapId } from '../map/basemaps';

export function BasemapPicker({ value, onChange }: { value: BasemapId; onChange: (id: BasemapId) => void }) {
  return (
    <fieldset className="basemap-picker">
      <legend>Fond de carte</legend>
      {basemaps.map((b) => (
        <div key={b.id} className="radio">
          <input type="radio" id={`fond-${b.id}`} name="fond" value={b.id} checked={value === b.id} onChange={() => onChange(b.id)} />
          <label htmlFor={`fond-${b.id}`}>
            {b.label}
            {b.online && <span className="note"> (en ligne)</span>}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
