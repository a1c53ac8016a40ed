import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSON_STEPS } from '../../state/lesson';
import { PanelInfo } from '../info/PanelInfo';
import type { LessonTour } from './useLessonTour';
import '../../styles/lesson.css';

/**
 * The guided lesson's card, docked at the bottom of the workspace (never over the drawing pad
 * or the prediction): step n of N, its title and text, back / next and close. The steps' texts
 * are a message area of their own, loaded the first time the card opens (they are not needed
 * for the first screen).
 */
export function LessonCard({ tour }: { tour: LessonTour }) {
  const { t } = useTranslation();
  if (!tour.open) return null;
  const loading = (
    <section className="lesson-card" aria-busy="true" data-testid="lesson-loading">
      <p className="muted">{t('loadingView')}</p>
    </section>
  );
  return (
    <Suspense fallback={loading}>
      <OpenLessonCard tour={tour} />
    </Suspense>
  );
}

function OpenLessonCard({ tour }: { tour: LessonTour }) {
  const { t } = useTranslation(['lesson', 'lessonSteps']);
  const close = () => {
    tour.close();
    document.getElementById(LESSON_OPEN_ID)?.focus();
  };
  const step = LESSON_STEPS[tour.step];
  const last = tour.step === tour.count - 1;
  return (
    <section
      className="lesson-card"
      aria-labelledby="lesson-title"
      data-testid="lesson"
      data-step={tour.step}
      onKeyDown={(e) => {
        // Escape inside the card closes it, unless an open explanation takes it first.
        if (e.key === 'Escape' && !e.currentTarget.querySelector('.info__popover')) close();
      }}
    >
      <div className="lesson-card__head">
        <span className="lesson-card__count" data-testid="lesson-count">
          {t('stepOf', { n: tour.step + 1, total: tour.count })}
        </span>
        <h2 id="lesson-title" className="lesson-card__title">
          {t(`lessonSteps:${step.id}.title`)}
        </h2>
        <PanelInfo what="lesson" />
        <button type="button" className="lesson-card__close" aria-label={t('close')} title={t('close')} data-testid="lesson-close" onClick={close}>
          ×
        </button>
      </div>
      <div className="lesson-card__body" aria-live="polite">
        <p className="lesson-card__text" data-testid="lesson-text">
          {t(`lessonSteps:${step.id}.text`)}
        </p>
        {last && <p className="lesson-card__done">{t('lessonSteps:done')}</p>}
      </div>
      <div className="lesson-card__nav">
        <progress max={tour.count} value={tour.step + 1} aria-label={t('stepOf', { n: tour.step + 1, total: tour.count })} />
        <button type="button" data-testid="lesson-back" disabled={tour.step === 0} onClick={tour.back}>
          {t('back')}
        </button>
        <button type="button" className="primary" data-testid="lesson-next" disabled={last} onClick={tour.next}>
          {t('next')}
        </button>
      </div>
    </section>
  );
}

const LESSON_OPEN_ID = 'lesson-open';

/** The header's button that opens the lesson, or offers to resume it where the reader left off. */
export function LessonOpenButton({ tour }: { tour: LessonTour }) {
  const { t } = useTranslation('lesson');
  const label = tour.started && !tour.open ? t('resume', { n: tour.step + 1 }) : t('open');
  return (
    <button
      type="button"
      id={LESSON_OPEN_ID}
      className="lesson-open"
      aria-pressed={tour.open}
      title={t('openTitle')}
      data-testid="lesson-open"
      data-step={tour.step}
      onClick={tour.open ? tour.close : tour.start}
    >
      {label}
    </button>
  );
}
