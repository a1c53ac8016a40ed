import { useCallback, useEffect, useMemo, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { MnistData } from '../../data/mnistFormat';
import { DEFAULT_SAMPLE } from '../../data/split';
import { toLanguage } from '../../i18n';
import type { ModelSpec } from '../../model/spec';
import type { LabAction, LabState } from '../../state/labState';
import { sampleProblem, type DecodedShareState, type ShareProblem, type ShareState, type TabId } from '../../state/shareState';
import { useLinkSync } from './useShareLink';

/**
 * The parts of the shareable view that live outside the edge-filter lab (open tab, network
 * design, presenter mode, lesson step, language, the class the attribution maps explain, the filter shown on tab 5, the digit map's layer, the fooling panel's settings), started from the link, plus the link's
 * problems. Keeps the address bar on the whole state, and puts `presenter` on the page root
 * (the type scale of presenter mode hangs on it).
 */
export function useShareableView(link: DecodedShareState, lab: LabState) {
  const { i18n } = useTranslation();
  const [tab, setTab] = useState<TabId>(link.state.tab);
  const [spec, setSpec] = useState<ModelSpec>(link.state.spec);
  const [presenter, setPresenter] = useState(link.state.presenter);
  const [step, setStep] = useState(link.state.step);
  const [attributionClass, setAttributionClass] = useState(link.state.attributionClass);
  const [filterLayer, setFilterLayer] = useState(link.state.filterLayer);
  const [filterChannel, setFilterChannel] = useState(link.state.filterChannel);
  const [mapLayer, setMapLayer] = useState(link.state.mapLayer);
  const [fooling, setFooling] = useState(link.state.fooling);
  const [problems, setProblems] = useState<readonly ShareProblem[]>(link.problems);
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);

  const state: ShareState = useMemo(
    () => ({ ...lab, spec, tab, lang, step, presenter, attributionClass, filterLayer, filterChannel, mapLayer, fooling }),
    [lab, spec, tab, lang, step, presenter, attributionClass, filterLayer, filterChannel, mapLayer, fooling],
  );
  useLinkSync(state);

  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
    return () => document.documentElement.classList.remove('presenter');
  }, [presenter]);

  const addProblem = useCallback((p: ShareProblem) => setProblems((list) => [...list, p]), []);
  const dismissProblems = useCallback(() => setProblems([]), []);
  const setFilter = useCallback((layer: string, channel: number) => {
    setFilterLayer(layer);
    setFilterChannel(channel);
  }, []);
  return { state, setTab, setSpec, setPresenter, setStep, setAttributionClass, setFilter, setMapLayer, setFooling, problems, addProblem, dismissProblems };
}

/**
 * Once the MNIST data is loaded, a link's sample that the data does not have (a class index
 * past the end) falls back to the default sample, with a problem for the notice.
 */
export function useSampleCheck(lab: LabState, data: MnistData | null, dispatch: Dispatch<LabAction>, onProblem: (p: ShareProblem) => void): void {
  useEffect(() => {
    if (!data) return;
    const problem = sampleProblem(lab, data.classCount);
    if (!problem) return;
    dispatch({ type: 'pickSample', id: DEFAULT_SAMPLE });
    onProblem(problem);
  }, [lab, data, dispatch, onProblem]);
}
