// Presentation and sharing in the address: parameters typed and passed through url-state, the
// permalink, embed and full-map links, the iframe snippet; clicker keys; the decks' store.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../src/app/state/url-state';
import { paramsFromRaw, paramsToRaw, sameParams } from '../../src/app/present/url-params';
import { embedLink, fullMapLink, iframeSnippet, pageBase, permalink } from '../../src/app/present/share/links';
import { actionForKey, isTextField } from '../../src/app/present/show/keys';
import { memoryDeckStore, openDeckStore } from '../../src/app/present/deck/store';
import { createDeck } from '../../src/app/present/deck/model';
import { parseRange, partialResponse } from '../../src/app/present/offline/range';

describe('presentation parameters in the address', () => {
  it('reads and writes them, typed, dropping junk', () => {
    expect(paramsFromRaw({ presentation: 'rapport', diapo: '3' })).toEqual({ deck: 'rapport', slide: 3 });
    expect(paramsFromRaw({ presentation: 'rapport' })).toEqual({ deck: 'rapport', slide: 1 });
    expect(paramsFromRaw({ presentation: 'Rapport!', diapo: '-2', integration: 'oui', importes: 'a,B,c-1' })).toEqual({ imported: ['a', 'c-1'] });
    expect(paramsFromRaw({ diapo: '4' })).toEqual({});
    expect(paramsFromRaw({ importes: '' })).toEqual({ imported: [] });
    expect(paramsToRaw({ deck: 'lien', slide: 2, sharedDeck: '1.abc', embed: true, imported: ['x'] })).toEqual({
      importes: 'x',
      presentation: 'lien',
      diapo: '2',
      jeu: '1.abc',
      integration: '1',
    });
    // A deck carried by the link only travels with the "lien" deck.
    expect(paramsToRaw({ deck: 'rapport', slide: 1, sharedDeck: '1.abc' })).toEqual({ presentation: 'rapport', diapo: '1' });
    expect(sameParams({ deck: 'a', slide: 1 }, { deck: 'a' })).toBe(true);
  });

  it('passes through url-state with the rest of the view, and survives a round trip', () => {
    const hash = '#carte=12.00/50.43000/2.83000&fiche=ev5&presentation=rapport&diapo=4&integration=1&importes=imp-1,imp-2';
    const state = parseHash(hash);
    expect(state.card).toBe('ev5');
    expect(state.present).toEqual({ presentation: 'rapport', diapo: '4', integration: '1', importes: 'imp-1,imp-2' });
    expect(parseHash(formatHash(state))).toEqual(state);
    // The compressed deck of a link is base64url: written as is.
    expect(formatHash({ present: { presentation: 'lien', diapo: '1', jeu: '1.eNq-_x' } })).toBe('#presentation=lien&diapo=1&jeu=1.eNq-_x');
  });
});

describe('links', () => {
  const base = pageBase({ origin: 'https://atlas.example', pathname: '/carte/', search: '' });
  const state = parseHash('#carte=12.00/50.43000/2.83000&couches=ev5&fiche=ev5&presentation=rapport&diapo=2&importes=imp-1');

  it('the permalink holds the whole view, the slide included', () => {
    expect(permalink(state, base)).toBe(
      'https://atlas.example/carte/#carte=12.00/50.43000/2.83000&couches=ev5&fiche=ev5&presentation=rapport&diapo=2&importes=imp-1',
    );
  });

  it('embed: same view, no presentation, minimal chrome; the full map from an embed drops it', () => {
    const embed = embedLink(state, base);
    expect(embed).toBe('https://atlas.example/carte/#carte=12.00/50.43000/2.83000&couches=ev5&fiche=ev5&importes=imp-1&integration=1');
    expect(fullMapLink(parseHash(new URL(embed).hash), base)).toBe(
      'https://atlas.example/carte/#carte=12.00/50.43000/2.83000&couches=ev5&fiche=ev5&importes=imp-1',
    );
  });

  it('the iframe snippet is escaped and sized within bounds', () => {
    const html = iframeSnippet('https://a.example/#x="1"&y=<2>', { width: 50, height: 99999, title: 'Carte « test » & co' });
    expect(html).toBe(
      '<iframe src="https://a.example/#x=&quot;1&quot;&amp;y=&lt;2&gt;" width="200" height="4000" title="Carte « test » &amp; co" style="border:0" loading="lazy" allow="fullscreen"></iframe>',
    );
  });
});

describe('clicker and keyboard keys', () => {
  it('maps what clickers send', () => {
    for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' ']) expect(actionForKey({ key })).toBe('suivante');
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp']) expect(actionForKey({ key })).toBe('precedente');
    expect(actionForKey({ key: ' ', shiftKey: true })).toBe('precedente');
    expect(actionForKey({ key: 'Home' })).toBe('premiere');
    expect(actionForKey({ key: 'End' })).toBe('derniere');
    expect(actionForKey({ key: 'Escape' })).toBe('quitter');
    expect(actionForKey({ key: '.' })).toBe('noir');
    expect(actionForKey({ key: 'b' })).toBe('noir');
    expect(actionForKey({ key: 'ArrowRight', altKey: true })).toBeNull();
    expect(actionForKey({ key: 'p', ctrlKey: true })).toBeNull();
    expect(actionForKey({ key: 'x' })).toBeNull();
  });

  it('leaves text fields their keys', () => {
    expect(isTextField({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTextField({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isTextField({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isTextField({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});

describe('decks of this browser', () => {
  it('are kept in IndexedDB, most recent first, and can be deleted', async () => {
    const store = await openDeckStore();
    expect(store.kind).toBe('base');
    const a = createDeck('A', '2026-01-01T00:00:00.000Z');
    const b = createDeck('B', '2026-02-01T00:00:00.000Z');
    await store.put(a);
    await store.put(b);
    const again = await openDeckStore();
    expect((await again.list()).map((d) => d.title)).toEqual(['B', 'A']);
    await again.remove(b.id);
    expect((await store.list()).map((d) => d.title)).toEqual(['A']);
  });

  it('fall back to memory for the session', async () => {
    const store = memoryDeckStore();
    const deck = createDeck('Session');
    await store.put(deck);
    deck.title = 'changed after saving';
    expect((await store.list())[0].title).toBe('Session');
  });
});

describe('Range answers from the offline cache', () => {
  it('parses single ranges as HTTP does: end clamped, suffix, beyond the end refused', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 10 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 100 });
    expect(parseRange('bytes=0-99999', 100)).toEqual({ start: 0, end: 100 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 100 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 100 });
    expect(parseRange('bytes=100-', 100)).toBeNull();
    expect(parseRange('bytes=5-2', 100)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 100)).toBe('invalide');
    expect(parseRange('octets=0-1', 100)).toBe('invalide');
  });

  it('cuts the cached file into a 206, or answers 416', async () => {
    const body = new Uint8Array(Array.from({ length: 50 }, (_, i) => i));
    const whole = () => new Response(body, { headers: { 'Content-Type': 'application/octet-stream' } });
    const ask = (range: string) => new Request('http://x/data/a.fgb', { headers: { Range: range } });
    const part = await partialResponse(ask('bytes=10-19'), whole());
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/50');
    expect(part.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const big = await partialResponse(ask('bytes=0-4095'), whole());
    expect([big.status, big.headers.get('content-range'), (await big.arrayBuffer()).byteLength]).toEqual([206, 'bytes 0-49/50', 50]);
    const beyond = await partialResponse(ask('bytes=60-'), whole());
    expect([beyond.status, beyond.headers.get('content-range')]).toEqual([416, 'bytes */50']);
    expect((await partialResponse(new Request('http://x/a'), whole())).status).toBe(200);
  });
});
