// Meetings and sharing (presentation mode, permalinks, embed, image export, print, offline): what
// the app shell mounts. See README « Présenter, partager, exporter, hors ligne ».
import './present.css';
export { usePresent, type Present } from './usePresent';
export { PresentToolbar } from './ui/PresentToolbar';
export { PresentStage } from './ui/PresentStage';
export type { PresentView } from './view';
