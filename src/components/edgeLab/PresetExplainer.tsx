import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { RichText } from '../common/RichText';

/** Why the Notebook and Article presets give such different maps (see the seed notes). */
export const PresetExplainer = memo(function PresetExplainer() {
  const { t } = useTranslation('edgeLab');
  return (
    <details className="explainer">
      <summary>{t('explainer.summary')}</summary>
      <p>
        <RichText t={t} i18nKey="explainer.article" components={{ b: <strong /> }} />
      </p>
      <p>
        <RichText t={t} i18nKey="explainer.notebook" components={{ b: <strong /> }} />
      </p>
    </details>
  );
});
