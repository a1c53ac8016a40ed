import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A lazily loaded tab's content (see lazyTabs), with a short translated line while its chunk loads. */
export function LazyTab({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const loading = (
    <section className="panel" aria-busy="true" data-testid="tab-loading">
      <p className="muted">{t('loadingView')}</p>
    </section>
  );
  return <Suspense fallback={loading}>{children}</Suspense>;
}
