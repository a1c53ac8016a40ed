import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionError } from '../../model/sessionError';

/**
 * Says what went wrong in the reader's language: an error the model session gives with a
 * code is translated (`errors:session.<code>`); any other error (from the browser or tfjs)
 * keeps its own message.
 */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation('errors');
  return useCallback(
    (error: unknown) => (error instanceof SessionError ? t(`session.${error.code}`, error.params) : error instanceof Error ? error.message : String(error)),
    [t],
  );
}
