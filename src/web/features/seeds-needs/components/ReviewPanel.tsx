import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListingAction, ListingActionBody, ListingStatus } from '../../../../contracts/seeds-needs';
import { addMonths, DEFAULT_TERM_MONTHS, MAX_TERM_MONTHS } from '../../../../domain/listing-lifecycle';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useFormatters } from '../../../lib/format';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { todayInJapan } from './listing-scope';

interface ReviewedListing {
  status: ListingStatus;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  actions: ListingAction[];
  version: number;
}

interface ReviewPanelProps<T> {
  listing: ReviewedListing;
  action: UseMutationResult<T, Error, ListingActionBody>;
}

const ORDER: readonly ListingAction[] = ['submit', 'publish', 'return', 'renew', 'withdraw'];
const BUTTON: Record<ListingAction, { color?: string; variant: string }> = {
  submit: { variant: 'filled' },
  publish: { variant: 'filled', color: 'teal' },
  return: { variant: 'outline', color: 'orange' },
  renew: { variant: 'light' },
  withdraw: { variant: 'outline', color: 'red' },
};

function ActionModal<T>({
  kind,
  listing,
  action,
  onClose,
}: {
  kind: ListingAction;
  listing: ReviewedListing;
  action: ReviewPanelProps<T>['action'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [expiresOn, setExpiresOn] = useState('');
  const [note, setNote] = useState('');
  const fieldError = useFieldErrors(apiFieldErrors(action.error));
  const today = todayInJapan();
  const withExpiry = kind === 'publish' || kind === 'renew';
  const close = () => {
    action.reset();
    onClose();
  };
  const submit = () =>
    action.mutate(
      {
        action: kind,
        version: listing.version,
        ...(withExpiry && expiresOn ? { expiresOn } : {}),
        ...(kind === 'return' ? { note } : {}),
      },
      { onSuccess: close },
    );
  const hasFieldErrors = ['body.expiresOn', 'body.note'].some((f) => fieldError(f));
  return (
    <Modal opened onClose={close} title={t(`seedsNeeds.review.dialog.${kind}`)}>
      <Stack gap="sm">
        <Text size="sm">{t(`seedsNeeds.review.explain.${kind}`)}</Text>
        {withExpiry ? (
          <TextInput
            type="date"
            label={t('seedsNeeds.review.expiresOn')}
            description={t('seedsNeeds.review.expiresOnHint', {
              months: DEFAULT_TERM_MONTHS,
              max: MAX_TERM_MONTHS,
            })}
            min={today}
            max={addMonths(today, MAX_TERM_MONTHS)}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={fieldError('body.expiresOn')}
            data-autofocus
          />
        ) : null}
        {kind === 'return' ? (
          <Textarea
            label={t('seedsNeeds.review.note')}
            description={t('seedsNeeds.review.noteHint')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError('body.note')}
            data-autofocus
          />
        ) : null}
        {action.error && !hasFieldErrors ? <ErrorAlert error={action.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={action.isPending}
            disabled={kind === 'return' && note.trim() === ''}
            color={BUTTON[kind].color}
            onClick={submit}
          >
            {t(`seedsNeeds.review.actions.${kind}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The listing's review state and the actions this reader may take now (`actions` from the server). */
export function ReviewPanel<T>({ listing, action }: ReviewPanelProps<T>) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [open, setOpen] = useState<ListingAction | null>(null);
  const actions = ORDER.filter((a) => listing.actions.includes(a));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="listing-review-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="listing-review-title">
          {t('seedsNeeds.review.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('seedsNeeds.review.intro')}
        </Text>
        {listing.status === 'returned' && listing.reviewNote ? (
          <Alert color="orange" variant="light" data-testid="listing-review-note">
            {t('seedsNeeds.review.returnedNote', { note: listing.reviewNote })}
          </Alert>
        ) : null}
        {listing.reviewedBy && listing.reviewedAt ? (
          <Text size="xs" c="dimmed">
            {t('seedsNeeds.fields.reviewedBy', {
              name: listing.reviewedBy,
              at: f.dateTime(listing.reviewedAt),
            })}
          </Text>
        ) : null}
        {actions.length > 0 ? (
          <Group gap="sm" data-testid="listing-actions">
            {actions.map((a) => (
              <Button
                key={a}
                size="sm"
                variant={BUTTON[a].variant}
                color={BUTTON[a].color}
                onClick={() => setOpen(a)}
              >
                {t(`seedsNeeds.review.actions.${a}`)}
              </Button>
            ))}
          </Group>
        ) : (
          <Text size="sm">{t('seedsNeeds.review.noActions')}</Text>
        )}
      </Stack>
      {open ? (
        <ActionModal kind={open} listing={listing} action={action} onClose={() => setOpen(null)} />
      ) : null}
    </Paper>
  );
}
