import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessage, type FieldErrorMap } from './form-errors';
import { KNOWN_VALIDATION_MESSAGES } from './validation';

/** Translates the contracts' own English messages; other messages pass through unchanged. */
export function useValidationMessage(): (message: string | undefined) => string | undefined {
  const { t } = useTranslation();
  return useCallback(
    (message) => {
      if (!message) return undefined;
      const id = KNOWN_VALIDATION_MESSAGES[message];
      if (!id) return message;
      const translated = t(`validation.${id}` as never, { defaultValue: message });
      return typeof translated === 'string' ? translated : message;
    },
    [t],
  );
}

/** `(field) => message` for a form's field errors, translated where the UI knows the message. */
export function useFieldErrors(errors: FieldErrorMap): (field: string) => string | undefined {
  const message = useValidationMessage();
  return useCallback((field) => message(fieldMessage(errors, field)), [errors, message]);
}
