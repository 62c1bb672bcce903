// Running a deck: which slide is shown, the keys, full screen, the blank screen. A slide is applied
// the way a pasted address is: its view is written to the address and the app's own hash listener
// applies it (layers, basemap, card, selection); the camera then flies there (or jumps, for people
// who asked their system for reduced motion; MapView decides).
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { CameraRequest } from '../../map/MapView';
import { formatHash } from '../../state/url-state';
import { clampSlide, slideTarget, type SlideCamera } from '../deck/model';
import type { Deck, Slide } from '../../../core/deck/types';
import { getLiveMap } from '../../map/live-map';
import { paramsToRaw, SHARED_DECK_ID, type PresentParams } from '../url-params';
import { actionForKey, isTextField, type ShowAction } from './keys';
import { enterFullscreen, exitFullscreen, fullscreenAvailable, isFullscreen, onFullscreenChange } from './fullscreen';

export interface SlideShowInput {
  params: PresentParams;
  setParams: Dispatch<SetStateAction<PresentParams>>;
  /** The deck named by the address, once known. */
  deck: Deck | null;
  /** Value of `importes=` for the address (slides without imported layers keep the current one). */
  importedParam: string[] | undefined;
  applyImported: (ids: string[]) => void;
  onCameraRequest: (request: CameraRequest) => void;
  /** The address the app was opened with already held a view (camera or card): keep it. */
  openedWithView: boolean;
}

function cameraRequest(camera: NonNullable<SlideCamera>, animate: boolean): CameraRequest {
  return 'bounds' in camera ? { bounds: camera.bounds, key: Date.now() } : { center: camera.center, zoom: camera.zoom, key: Date.now(), animate };
}

export function useSlideShow(o: SlideShowInput) {
  const { params, setParams, deck } = o;
  const latest = useRef(o);
  latest.current = o;
  const paramsRef = useRef(params);
  paramsRef.current = params;
  const presenting = !!params.deck;
  const [blank, setBlank] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  const enteredFullscreen = useRef(false);
  /** The slide named by the address has been shown (or a presentation was started by the user). */
  const opened = useRef(false);
  /**
   * A slide to show once the slide panel is on screen: the map then has its final size, and the
   * first framing must be computed for that size, not for the map with the app's side panel.
   */
  const pending = useRef<{ deck: Deck; index: number; animate: boolean } | null>(null);
  const panelMounted = useRef(false);

  /** Writes the slide's view to the address for the app's listener, then moves the camera. */
  const showView = useCallback((slide: Slide, params: PresentParams, animate: boolean) => {
    const { url, camera, imported } = slideTarget(slide);
    const present = paramsToRaw({ ...params, imported: imported ?? latest.current.importedParam });
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${formatHash({ ...url, present })}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    // After the app's own listener (same task: React keeps the last camera request).
    if (camera) latest.current.onCameraRequest(cameraRequest(camera, animate));
    if (imported) latest.current.applyImported(imported);
  }, []);

  const applySlide = useCallback(
    (d: Deck, index: number, animate: boolean) => {
      const slide = d.slides[index];
      if (!slide) return;
      const next: PresentParams = { ...paramsRef.current, deck: d.id, slide: index + 1 };
      if (d.id !== SHARED_DECK_ID) delete next.sharedDeck;
      paramsRef.current = next;
      setParams(next);
      showView(slide, next, animate);
      setBlank(false);
    },
    [setParams, showView],
  );

  /** Shows a slide's view without presenting (the deck editor's « Voir »). */
  const preview = useCallback((slide: Slide) => showView(slide, paramsRef.current, true), [showView]);

  const go = useCallback(
    (n: number) => {
      if (!deck || !deck.slides.length) return;
      const target = clampSlide(n, deck);
      if (target === paramsRef.current.slide) return setBlank(false);
      applySlide(deck, target - 1, true);
    },
    [deck, applySlide],
  );

  const stop = useCallback(() => {
    const { deck: _deck, slide: _slide, sharedDeck: _shared, ...rest } = paramsRef.current;
    paramsRef.current = rest;
    setParams(rest);
    setBlank(false);
    enteredFullscreen.current = false;
    void exitFullscreen();
    requestAnimationFrame(() => {
      getLiveMap()?.map.resize();
      document.getElementById('bouton-presenter')?.focus();
    });
  }, [setParams]);

  /** Applies now if the slide panel is there, else when it mounts (see `pending`). */
  const showWhenLaidOut = useCallback(
    (d: Deck, index: number, animate: boolean) => {
      if (!panelMounted.current) {
        pending.current = { deck: d, index, animate };
        return;
      }
      requestAnimationFrame(() => {
        getLiveMap()?.map.resize();
        applySlide(d, index, animate);
      });
    },
    [applySlide],
  );

  /** The slide panel tells when it is laid out (and when it leaves). */
  const panelLaidOut = useCallback(
    (mounted: boolean) => {
      panelMounted.current = mounted;
      getLiveMap()?.map.resize();
      const next = pending.current;
      pending.current = null;
      if (mounted && next) applySlide(next.deck, next.index, next.animate);
    },
    [applySlide],
  );

  /** Starts from a click or a key: full screen must be asked inside that gesture. */
  const start = useCallback(
    (d: Deck, index = 0) => {
      if (fullscreenAvailable() && !isFullscreen()) {
        void enterFullscreen().then((ok) => {
          enteredFullscreen.current = ok;
        });
      }
      opened.current = true;
      const next: PresentParams = { ...paramsRef.current, deck: d.id, slide: index + 1 };
      paramsRef.current = next;
      setParams(next);
      showWhenLaidOut(d, index, true);
    },
    [setParams, showWhenLaidOut],
  );

  const toggleFullscreen = useCallback(() => {
    if (isFullscreen()) {
      enteredFullscreen.current = false;
      void exitFullscreen();
    } else {
      void enterFullscreen().then((ok) => {
        enteredFullscreen.current = ok;
      });
    }
  }, []);

  // Opened from an address (reload, shared link): show its slide; apply it only when the address
  // did not already hold the view (a permalink restores exactly what it says). An address typed
  // while the app runs always moves to its slide.
  const typed = useRef(false);
  useEffect(() => {
    if (opened.current || !presenting || !deck) return;
    opened.current = true;
    const n = clampSlide(paramsRef.current.slide ?? 1, deck);
    const animate = typed.current;
    typed.current = false;
    if (!animate && latest.current.openedWithView && n === paramsRef.current.slide) return;
    showWhenLaidOut(deck, n - 1, animate);
  }, [presenting, deck, params.slide, showWhenLaidOut]);

  /** The address changed under the app (typed, or a link followed in the same tab). */
  const followAddress = useCallback(
    (next: PresentParams) => {
      const prev = paramsRef.current;
      if (!next.deck && prev.deck) return stop();
      paramsRef.current = next;
      setParams(next);
      if (next.deck && (next.deck !== prev.deck || next.slide !== prev.slide)) {
        opened.current = false;
        typed.current = true;
      }
    },
    [setParams, stop],
  );

  const run = useCallback(
    (action: ShowAction) => {
      const current = paramsRef.current.slide ?? 1;
      if (action === 'quitter') stop();
      else if (action === 'noir') setBlank((b) => !b);
      else if (action === 'suivante') go(current + 1);
      else if (action === 'precedente') go(current - 1);
      else if (action === 'premiere') go(1);
      else if (action === 'derniere') go(deck?.slides.length ?? 1);
    },
    [go, stop, deck],
  );

  useEffect(() => {
    if (!presenting) return;
    let spaceHandled = false;
    const onKeyDown = (event: KeyboardEvent) => {
      // A dialog over the presentation (editing a note) keeps its keys.
      if (isTextField(event.target) || document.querySelector('dialog[open]')) return;
      const action = actionForKey(event);
      if (!action) return;
      // Captured before MapLibre (its arrows pan the map) and before a focused button (Space).
      event.preventDefault();
      event.stopPropagation();
      spaceHandled = event.key === ' ';
      run(action);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ' && spaceHandled) {
        event.preventDefault();
        spaceHandled = false;
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, [presenting, run]);

  // Leaving full screen (Escape is taken by the browser there) leaves the presentation.
  useEffect(
    () =>
      onFullscreenChange(() => {
        const on = isFullscreen();
        setFullscreen(on);
        if (!on && enteredFullscreen.current && paramsRef.current.deck) stop();
      }),
    [stop],
  );

  const currentParams = useCallback(() => paramsRef.current, []);
  return { presenting, blank, setBlank, fullscreen, toggleFullscreen, start, stop, go, run, followAddress, currentParams, preview, panelLaidOut };
}

export type SlideShow = ReturnType<typeof useSlideShow>;
