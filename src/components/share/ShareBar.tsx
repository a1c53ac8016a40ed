import { useTranslation } from 'react-i18next';
import type { ShareState } from '../../state/shareState';
import { CopyLinkButton } from './CopyLinkButton';
import '../../styles/share.css';
import '../../styles/presenter.css';
import { PanelInfo } from '../info/PanelInfo';

export interface ShareBarProps {
  readonly state: ShareState;
  readonly onPresenter: (on: boolean) => void;
  readonly onShortcuts: () => void;
}

/** Header controls for the classroom: copy a link to this view, presenter mode, the shortcut list. */
export function ShareBar({ state, onPresenter, onShortcuts }: ShareBarProps) {
  const { t } = useTranslation('share');
  return (
    <div className="share-bar">
      <CopyLinkButton state={state} />
      <button
        type="button"
        className="share-bar__toggle"
        aria-pressed={state.presenter}
        data-testid="presenter-toggle"
        title={t('presenterHint')}
        onClick={() => onPresenter(!state.presenter)}
      >
        {t('presenter')}
      </button>
      <button
        type="button"
        className="share-bar__help"
        aria-haspopup="dialog"
        aria-label={t('shortcuts.open')}
        title={t('shortcuts.open')}
        data-testid="shortcuts-open"
        onClick={onShortcuts}
      >
        ?
      </button>
      <PanelInfo what="share" />
    </div>
  );
}
