import { useTranslation } from 'react-i18next';

export interface StepperControlsProps {
  readonly playing: boolean;
  readonly atStart: boolean;
  readonly atEnd: boolean;
  /** Steps per second. */
  readonly speed: number;
  readonly onPlay: () => void;
  readonly onPause: () => void;
  readonly onBack: () => void;
  readonly onStep: () => void;
  readonly onReset: () => void;
  readonly onSpeed: (speed: number) => void;
}

export const SPEED_RANGE = [1, 30] as const;

/** Play, pause, step back, step forward, reset and speed: plain buttons and a slider. */
export function StepperControls(p: StepperControlsProps) {
  const { t } = useTranslation('lessons');
  return (
    <div className="stepper-controls" role="group" aria-label={t('stepper.controls')}>
      <button type="button" data-testid="stepper-back" onClick={p.onBack} disabled={p.atStart || p.playing}>
        ‹ {t('stepper.back')}
      </button>
      <button type="button" className="primary" data-testid="stepper-play" onClick={p.onPlay} disabled={p.playing || p.atEnd}>
        ▶ {t('stepper.play')}
      </button>
      <button type="button" data-testid="stepper-pause" onClick={p.onPause} disabled={!p.playing}>
        {t('stepper.pause')}
      </button>
      <button type="button" data-testid="stepper-step" onClick={p.onStep} disabled={p.atEnd || p.playing}>
        {t('stepper.step')} ›
      </button>
      <button type="button" data-testid="stepper-reset" onClick={p.onReset}>
        ↺ {t('stepper.reset')}
      </button>
      <label className="stepper-controls__speed">
        {t('stepper.speed')}
        <input
          type="range"
          min={SPEED_RANGE[0]}
          max={SPEED_RANGE[1]}
          value={p.speed}
          data-testid="stepper-speed"
          aria-valuetext={t('stepper.speedValue', { count: p.speed })}
          onChange={(e) => p.onSpeed(Number(e.target.value))}
        />
        <span>{t('stepper.speedValue', { count: p.speed })}</span>
      </label>
    </div>
  );
}
