// Selection rules of every layer, for the pipeline only (Node); the app imports ./index instead.
import type { LayerPipeline } from './pipeline-types';
import { communesPipeline } from './communes/pipeline';
import { ev5Pipeline } from './ev5/pipeline';
import { parcsPipeline } from './parcs/pipeline';
import { citesPipeline } from './cites/pipeline';
import { qpvPipeline } from './qpv/pipeline';
import { captagesPipeline } from './captages/pipeline';
import { dechetsPipeline } from './dechets/pipeline';
import { tvbPipeline } from './tvb/pipeline';

/** The communes layer comes first: it gives every other rule the territory and the communes. */
export const layerPipelines: LayerPipeline[] = [
  communesPipeline,
  ev5Pipeline,
  parcsPipeline,
  citesPipeline,
  qpvPipeline,
  captagesPipeline,
  dechetsPipeline,
  // After the parcs and the EV5: the trame verte reuses their sublayers.
  tvbPipeline,
];
