import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of a results page (an h2 the section is labelled by). */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
