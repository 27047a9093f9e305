import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function AuthCard({ title, lead, children }: { title: string; lead: string; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Paper withBorder shadow="sm" p="xl" radius="lg" w={420} maw="100%">
        <Stack gap="md">
          <div>
            <Text fw={800} c="indigo" size="sm" tt="uppercase" lts={1}>
              Rapport
            </Text>
            <Title order={2}>{title}</Title>
            <Text c="dimmed" size="sm" mt={4}>
              {lead}
            </Text>
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
