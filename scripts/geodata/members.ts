// Membership of the CALL (EPCI 246200364) from @etalab/decoupage-administratif: the DGCL list of
// members with their municipal populations. Read in Node only; the layers receive plain data.
import { createRequire } from 'node:module';
import type { Member } from '../../layers/pipeline-types';
import { EPCI_SIREN } from '../../layers/communes/pipeline';

interface EpciRecord {
  code: string;
  nom: string;
  membres: { code: string; nom: string; populationMunicipale?: number }[];
}

export function loadMembers(siren = EPCI_SIREN): Member[] {
  const require = createRequire(import.meta.url);
  const epcis = require('@etalab/decoupage-administratif/data/epci.json') as EpciRecord[];
  const epci = epcis.find((e) => e.code === siren);
  if (!epci) throw new Error(`EPCI ${siren} absent de @etalab/decoupage-administratif`);
  return epci.membres.map((m) => ({ code: m.code, nom: m.nom, population: m.populationMunicipale ?? 0 }));
}
