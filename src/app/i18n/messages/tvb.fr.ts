// French messages of the trame verte et bleue in the workbench (what a project crosses).
export const tvb = {
  'tvb.crossings': 'Trame verte et bleue : votre projet coupe {green} et {blue}{bodies}.',
  'tvb.green.one': '{n} continuité verte',
  'tvb.green.other': '{n} continuités vertes',
  'tvb.blue.one': "{n} cours d'eau",
  'tvb.blue.other': "{n} cours d'eau",
  'tvb.bodies.one': " et touche {n} plan d'eau",
  'tvb.bodies.other': " et touche {n} plans d'eau",
  'tvb.blueUnknown': ' (réseau hydrographique absent de ces données : les cours d’eau ne sont pas comptés)',
} as const;
