// Meetings and sharing (presentation mode, permalinks, embed, image export, print), mounted by the
// app shell once wanted (see src/app/state/useLazyFeatures.ts): runs usePresent whatever the page,
// shows the stage beside the map (in the shell's slot), and reports back the two things the shell
// needs itself: the presentation parameters of the address and the high-contrast switch.
// See docs/presentation-offline.md.
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { usePresent, type PresentInput } from './usePresent';
import { PresentStage } from './ui/PresentStage';
import type { PresentView } from './view';

export interface PresentReport {
  urlParams: Record<string, string>;
  contrast: boolean;
}

export type PresentMountProps = PresentInput & {
  view: PresentView;
  /** Where the stage goes in the map's layout; null while the full page is shown instead of the map. */
  stage: HTMLElement | null;
  onReport: (report: PresentReport | null) => void;
};

export default function PresentMount({ view, stage, onReport, ...input }: PresentMountProps) {
  // The address as it was when this code arrived (the app may have started long before).
  const [initialUrl] = useState(input.initialUrl);
  const present = usePresent({ ...input, initialUrl });
  const { urlParams, contrast } = present;
  useEffect(() => onReport({ urlParams, contrast }), [urlParams, contrast, onReport]);
  useEffect(() => () => onReport(null), [onReport]);
  return stage ? createPortal(<PresentStage present={present} view={view} />, stage) : null;
}
