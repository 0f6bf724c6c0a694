import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SignInBody } from '../../../../contracts/auth';
import { PageTitle } from '../../../components/PageTitle';
import { isApiError } from '../../../lib/api-client';
import { fieldMessage, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { validateBody } from '../../../lib/validation';
import { useSignIn } from '../api/auth-api';

/** Where to go after signing in: only a path inside this site, never back to the sign-in page. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) return '/';
  return next;
}

export function SignInPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const { account } = useSession();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrorMap>({});

  useEffect(() => {
    if (account && !signIn.isPending) void navigate(next, { replace: true });
  }, [account, navigate, next, signIn.isPending]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = validateBody(SignInBody, { email, password }, locale);
    if (!parsed.success) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    signIn.mutate(parsed.data, {
      onSuccess: () => {
        void navigate(next, { replace: true });
      },
      onError: (error) => {
        if (isApiError(error))
          setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message])));
      },
    });
  };

  const error = signIn.error;
  let errorMessage: string | null = null;
  if (error) {
    if (isApiError(error) && error.code === 'INVALID_CREDENTIALS')
      errorMessage = t('auth.errors.invalidCredentials');
    else if (isApiError(error) && error.code === 'RATE_LIMITED') {
      const minutes = error.retryAfterSeconds ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : null;
      errorMessage = minutes
        ? t('auth.errors.rateLimitedMinutes', { minutes })
        : t('auth.errors.rateLimited');
    } else if (isApiError(error) && error.code === 'ACCOUNT_DISABLED')
      errorMessage = t('auth.errors.disabled');
    else if (isApiError(error) && error.code === 'VALIDATION_FAILED')
      errorMessage = t('auth.errors.checkFields');
    else errorMessage = t('errors.generic');
  }

  return (
    <Stack maw={440} mx="auto" mt="lg">
      <PageTitle title={t('auth.signInTitle')} />
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate aria-describedby={errorMessage ? 'sign-in-error' : undefined}>
          <Stack gap="md">
            {errorMessage ? (
              <Alert color="red" variant="light" role="alert" id="sign-in-error">
                {errorMessage}
              </Alert>
            ) : null}
            <TextInput
              label={t('auth.email')}
              type="email"
              name="email"
              autoComplete="username"
              required
              withAsterisk={false}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldMessage(errors, 'body.email')}
            />
            <PasswordInput
              label={t('auth.password')}
              name="password"
              autoComplete="current-password"
              required
              withAsterisk={false}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldMessage(errors, 'body.password')}
              visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {t('auth.signIn')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('auth.signInHelp')}{' '}
        <Anchor component={Link} to="/">
          {t('auth.backToTop')}
        </Anchor>
      </Text>
    </Stack>
  );
}
