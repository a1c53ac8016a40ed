import { InfoButton } from './InfoButton';

export interface PanelHeaderProps {
  /** The heading's id, for the panel's `aria-labelledby`. */
  readonly titleId: string;
  /** The panel's title (already translated). */
  readonly title: string;
  /** Names the "i" button's hook: data-testid="info-<panel>". */
  readonly panel: string;
  /** The "i" explanation, one short paragraph per entry (already translated). */
  readonly paragraphs: readonly string[];
  /** A panel inside another panel takes a level-3 heading. */
  readonly level?: 2 | 3;
}

/** A teaching panel's header: its title and the "i" button that explains it. */
export function PanelHeader({ titleId, title, panel, paragraphs, level = 2 }: PanelHeaderProps) {
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <header className="teach-panel__header">
      <Heading id={titleId}>{title}</Heading>
      <InfoButton panel={panel} topic={title} paragraphs={paragraphs} />
    </header>
  );
}
