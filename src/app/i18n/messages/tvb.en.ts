// English messages of the trame verte et bleue in the workbench.
import type { tvb as fr } from './tvb.fr';

export const tvb: Record<keyof typeof fr, string> = {
  'tvb.crossings': 'Green and blue corridors: your project crosses {green} and {blue}{bodies}.',
  'tvb.green.one': '{n} green corridor',
  'tvb.green.other': '{n} green corridors',
  'tvb.blue.one': '{n} watercourse',
  'tvb.blue.other': '{n} watercourses',
  'tvb.bodies.one': ' and touches {n} water body',
  'tvb.bodies.other': ' and touches {n} water bodies',
  'tvb.blueUnknown': ' (no water network in this data: watercourses are not counted)',
};
