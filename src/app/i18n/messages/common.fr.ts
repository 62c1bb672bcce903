// French messages shared by the whole app (the source catalogue: every key is defined here first).
export const common = {
  'app.title': 'Atlas Lens-Liévin',
  'app.subtitle': "Communauté d'Agglomération de Lens-Liévin · 36 communes",
  'language.label': 'Langue',
  'language.fr': 'Français',
  'language.en': 'English',
} as const;
