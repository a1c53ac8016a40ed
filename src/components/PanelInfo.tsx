import { useTranslation } from 'react-i18next';
import { InfoButton } from './InfoButton';
import '../styles/panelInfo.css';

/** Parts of the page whose short explanation lives in the lesson catalogue (`info.<key>`). */
export type PanelInfoKey =
  | 'input' | 'pad' | 'samples' | 'prediction' | 'edgeLab' | 'rule' | 'convPool' | 'filterTable'
  | 'inspector' | 'network' | 'training' | 'architecture' | 'models' | 'status' | 'share';

/** The kebab-case hook of a key: info-<hook> and info-<hook>-text. */
function hookOf(key: PanelInfoKey): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The "i" button of a panel that had no explanation of its own. */
export function PanelInfo({ what }: { what: PanelInfoKey }) {
  const { t } = useTranslation('lesson');
  return <InfoButton panel={hookOf(what)} topic={t(`infoTopic.${what}`)} paragraphs={[t(`info.${what}`)]} />;
}
