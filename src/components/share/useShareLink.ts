import { useEffect, useRef, useState } from 'react';
import { decodeShareState, encodeShareState, type DecodedShareState, type ShareState } from '../../state/shareState';

/**
 * How long the state must stay unchanged before the address bar follows it: pen strokes
 * change it per event, and writing the address costs milliseconds the pen needs.
 */
const URL_SYNC_MS = 300;

/** The full link to a state: this page's address with the state's query (and the hash kept). */
export function linkTo(state: ShareState, at: Location = window.location): string {
  const query = encodeShareState(state).toString();
  return `${at.origin}${at.pathname}${query ? `?${query}` : ''}${at.hash}`;
}

/** The state the page was opened with, decoded once from its address. */
export function useInitialLink(): DecodedShareState {
  const [initial] = useState(() => decodeShareState(new URLSearchParams(window.location.search)));
  return initial;
}

/**
 * Keeps the address bar on the current state with `history.replaceState`: no reload, no new
 * history entries, and no write while the state keeps changing (a stroke being drawn): the
 * state is written once it has been still for {@link URL_SYNC_MS}.
 */
export function useLinkSync(state: ShareState): void {
  const latest = useRef(state);
  const timer = useRef(0);
  useEffect(() => {
    latest.current = state;
    window.clearTimeout(timer.current);
    const write = () => {
      timer.current = 0;
      const url = linkTo(latest.current);
      if (url !== window.location.href) window.history.replaceState(window.history.state, '', url);
    };
    timer.current = window.setTimeout(write, URL_SYNC_MS);
  }, [state]);
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      timer.current = 0;
    },
    [],
  );
}
