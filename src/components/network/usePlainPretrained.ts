import { useEffect, useState } from 'react';
import type { PlainNetwork } from '../../model/plainForward';
import { fetchPlainNetwork } from '../../model/plainModelFiles';

/**
 * The shipped model as a plain-JavaScript network, fetched at start-up without tfjs, so the
 * first predictions and layer maps do not wait for tfjs. Null until it has loaded, or when it
 * could not be (the model session then loads the model, and reports any error).
 */
export function usePlainPretrained(): PlainNetwork | null {
  const [network, setNetwork] = useState<PlainNetwork | null>(null);
  useEffect(() => {
    let live = true;
    fetchPlainNetwork()
      .then((n) => live && setNetwork(n))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return network;
}
