// Handle of the side panel when it is a bottom sheet (narrow screens): a button that toggles
// between a low and a tall sheet, and can be dragged to either (the sheet never covers the whole
// map). Dragging it far down closes the panel.
import { useRef, type PointerEvent } from 'react';
import { useI18n } from '../i18n';

export type SheetSize = 'reduit' | 'deplie';

interface SheetHandleProps {
  size: SheetSize;
  onSize: (size: SheetSize) => void;
  onClose: () => void;
}

export function SheetHandle({ size, onSize, onClose }: SheetHandleProps) {
  const { t } = useI18n();
  const drag = useRef<{ startY: number; startHeight: number; moved: boolean; sheet: HTMLElement } | null>(null);
  // A drag ends with a click event too: only a tap (or Enter, Space) toggles.
  const dragged = useRef(false);

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    const sheet = event.currentTarget.closest<HTMLElement>('.side-panel');
    if (!sheet) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startHeight: sheet.offsetHeight, moved: false, sheet };
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d) return;
    const dy = event.clientY - d.startY;
    if (Math.abs(dy) > 6) d.moved = true;
    if (!d.moved) return;
    const parent = d.sheet.parentElement?.clientHeight ?? window.innerHeight;
    const height = Math.min(Math.max(d.startHeight - dy, 80), parent * 0.8);
    d.sheet.style.height = `${height}px`;
  };
  const onPointerUp = (event: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || !d.moved) return;
    dragged.current = true;
    event.preventDefault();
    const parent = d.sheet.parentElement?.clientHeight ?? window.innerHeight;
    const share = d.sheet.offsetHeight / parent;
    d.sheet.style.height = '';
    if (share < 0.22) onClose();
    else onSize(share > 0.55 ? 'deplie' : 'reduit');
  };

  return (
    <button
      type="button"
      className="sheet-handle"
      aria-controls="panneau"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (drag.current = null)}
      onClick={() => {
        if (dragged.current) {
          dragged.current = false;
          return;
        }
        onSize(size === 'deplie' ? 'reduit' : 'deplie');
      }}
    >
      <span className="sheet-grip" aria-hidden="true" />
      <span className="visually-hidden">{size === 'deplie' ? t('ui.sheet.shrink') : t('ui.sheet.grow')}</span>
    </button>
  );
}
