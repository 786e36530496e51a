// The card the account pages share (log in, forgotten password, new password, sign-up: `wide`): a title, a line under it, and the
// form — or, once the form has done its job, what comes next.
import { Card, Container, Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

export function AuthCard({ title, intro, onSubmit, wide, children }: { title: string; intro?: ReactNode; onSubmit?: (e: FormEvent) => void; wide?: boolean; children: ReactNode }) {
  const body = (
    <Stack>
      <div>
        <Title order={1} size="h2">{title}</Title>
        {intro && <Text c="dark.4" size="sm" mt={4}>{intro}</Text>}
      </div>
      {children}
    </Stack>
  );
  return (
    <Container size={wide ? 640 : 440} py={48}>
      <Card withBorder radius="lg" padding="xl" shadow="sm">
        {onSubmit ? <form onSubmit={onSubmit} noValidate>{body}</form> : body}
      </Card>
    </Container>
  );
}
