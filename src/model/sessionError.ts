/** Why the model session refused or gave up; the UI maps each code to a translated message. */
export type SessionErrorCode = 'context-lost' | 'rebuild-failed' | 'already-training' | 'load-while-training' | 'reset-while-training' | 'no-trained-model';

/** The English message of each code, with `{{name}}` for its values (the same words as the English catalogue). */
export const SESSION_ERROR_MESSAGES: Readonly<Record<SessionErrorCode, string>> = {
  'context-lost': 'The WebGL context was lost.',
  'rebuild-failed': 'The network could not be rebuilt on the CPU: {{detail}}',
  'already-training': 'A training run is already going on.',
  'load-while-training': 'Stop the training run before loading a model.',
  'reset-while-training': 'Stop the training run before resetting.',
  'no-trained-model': 'There is no trained model to continue from.',
};

/**
 * A refusal or failure of the model session: a code and the values its message needs, so the
 * UI can say it in the reader's language; `message` is the English sentence (for logs).
 */
export class SessionError extends Error {
  constructor(
    readonly code: SessionErrorCode,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(SESSION_ERROR_MESSAGES[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? '')));
    this.name = 'SessionError';
  }
}
