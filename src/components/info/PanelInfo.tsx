import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { InfoButton } from './InfoButton';
import { infoHook, type PanelInfoKey } from './panelInfoKeys';
import '../../styles/panelInfo.css';

/** The "i" button of a panel that had no explanation of its own. */
export const PanelInfo = memo(function PanelInfo({ what }: { what: PanelInfoKey }) {
  const { t } = useTranslation('lesson');
  return <InfoButton panel={infoHook(what)} topic={t(`infoTopic.${what}`)} paragraphs={[t(`info.${what}`)]} />;
});
