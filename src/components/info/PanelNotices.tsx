/**
 * The notes at the foot of a teaching panel that computes from the model in view: why it
 * waits (a model is training) and why its last computation failed, each only when there is
 * one. The failure is a status, so screen readers announce it.
 */
export function PanelNotices({ waiting, failure, className }: { waiting: string | null; failure: string | null; className?: string }) {
  const classes = className ? `notice ${className}` : 'notice';
  return (
    <>
      {waiting && <p className={classes}>{waiting}</p>}
      {failure && (
        <p className={classes} role="status">
          {failure}
        </p>
      )}
    </>
  );
}
