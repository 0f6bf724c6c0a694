import { Alert, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody } from '../../../../contracts/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, fieldMessage, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { validateBody } from '../../../lib/validation';
import { useChangePassword } from '../api/auth-api';
import { useValidationMessage } from '../../../lib/use-validation-message';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { account } = useSession();
  const change = useChangePassword();
  const message = useValidationMessage();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [done, setDone] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const parsed = validateBody(ChangePasswordBody, { currentPassword, newPassword }, locale);
    const next: FieldErrorMap = parsed.success ? {} : { ...parsed.errors };
    if (newPassword !== confirm) next['confirm'] = t('auth.errors.mismatch');
    if (!parsed.success || Object.keys(next).length > 0) {
      setErrors(next);
      return;
    }
    setErrors({});
    change.mutate(parsed.data, {
      onSuccess: () => {
        setDone(true);
        setCurrent('');
        setNew('');
        setConfirm('');
      },
      onError: (error) => setErrors(apiFieldErrors(error)),
    });
  };

  const wrongCurrent = isApiError(change.error) && change.error.code === 'INVALID_CREDENTIALS';
  const toggle = { 'aria-label': t('auth.toggleVisibility') };

  return (
    <Stack maw={480}>
      <PageTitle title={t('auth.changePassword')} subtitle={account?.email} />
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {done ? (
              <Alert color="teal" variant="light" role="status">
                {t('auth.passwordChanged')}
              </Alert>
            ) : null}
            {change.error && !wrongCurrent && Object.keys(errors).length === 0 ? (
              <ErrorAlert error={change.error} />
            ) : null}
            <PasswordInput
              label={t('auth.currentPassword')}
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={
                wrongCurrent
                  ? t('auth.errors.wrongCurrent')
                  : message(fieldMessage(errors, 'body.currentPassword'))
              }
              visibilityToggleButtonProps={toggle}
            />
            <PasswordInput
              label={t('auth.newPassword')}
              description={t('auth.passwordRule')}
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(e) => setNew(e.currentTarget.value)}
              error={message(fieldMessage(errors, 'body.newPassword'))}
              visibilityToggleButtonProps={toggle}
            />
            <PasswordInput
              label={t('auth.confirmPassword')}
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={errors['confirm']}
              visibilityToggleButtonProps={toggle}
            />
            <Button type="submit" loading={change.isPending}>
              {t('auth.changePasswordSubmit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('auth.passwordAdvice')}
      </Text>
    </Stack>
  );
}
