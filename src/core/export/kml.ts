// KML via @placemarkio/tokml (it escapes property text and attribute values), plus what tokml does
// not write: the document's name, a description carrying the attribution, and the credits as
// document-level ExtendedData (valid KML 2.2, ignored by viewers that do not use it).
import { toKML } from '@placemarkio/tokml';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoFeature } from '../../../layers/types';
import { encodeUtf8, type ExportContext } from './context';

/** XML 1.0 forbids these even as character references. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

/** tokml writes `null` as the text "null" and drops a falsy `name`: fix both before handing over. */
function kmlProperties(properties: Record<string, unknown> | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties ?? {})) {
    if (value === null || value === undefined) continue;
    out[key] = key === 'name' && typeof value !== 'string' ? String(value) : value;
  }
  return out;
}

function documentHeader(context: ExportContext): string {
  const description = context.generatedAt ? `${context.attribution} Export du ${context.generatedAt}.` : context.attribution;
  return (
    `<name>${escapeXml(context.name)}</name>` +
    `<description>${escapeXml(description)}</description>` +
    `<ExtendedData><Data name="credits"><value>${escapeXml(JSON.stringify(context.credits))}</value></Data></ExtendedData>`
  );
}

export function writeKml(features: GeoFeature[], context: ExportContext): Uint8Array {
  const collection: FeatureCollection<Geometry | null> = {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      ...(f.id !== undefined ? { id: f.id } : {}),
      geometry: (f.geometry as Geometry | null) ?? null,
      properties: kmlProperties(f.properties),
    })),
  };
  const body = toKML(collection);
  const anchor = '<Document>';
  const at = body.indexOf(anchor);
  // tokml always opens one <Document>; if a future version changes that, fail loudly rather than
  // ship a file without its credits.
  if (at < 0) throw new Error('export KML impossible : structure inattendue du document produit');
  const kml = body.slice(0, at + anchor.length) + documentHeader(context) + body.slice(at + anchor.length);
  return encodeUtf8(`<?xml version="1.0" encoding="UTF-8"?>\n${kml}`);
}
