import { Alert, Button, Card, FileInput, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useImport } from '../../api/hooks';
import type { ImportPreview } from '../../api/types';
import { describeProgress, type UploadProgress } from '../../api/upload';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCount } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';

function Counts({ p }: { p: ImportPreview }) {
  return (
    <Group gap="xl">
      <div>
        <Text size="xl" fw={700} data-testid="import-created">
          {formatCount(p.created)}
        </Text>
        <Text size="xs" c="dimmed">
          {p.dryRun ? 'would be created' : 'created'}
        </Text>
      </div>
      <div>
        <Text size="xl" fw={700}>
          {formatCount(p.matched)}
        </Text>
        <Text size="xs" c="dimmed">
          {p.dryRun ? 'would match existing' : 'matched existing'}
        </Text>
      </div>
      <div>
        <Text size="xl" fw={700}>
          {formatCount(p.skipped)}
        </Text>
        <Text size="xs" c="dimmed">
          skipped
        </Text>
      </div>
    </Group>
  );
}

/** The bar of a running upload: sending the file, then the server reading it. */
function UploadBar({ progress, what }: { progress: UploadProgress | null; what: string }) {
  const { percent, label } = progress ? describeProgress(progress) : { percent: 0, label: 'Starting…' };
  return (
    <Stack gap={4} mt="sm" data-testid="import-progress">
      <Progress value={percent} animated aria-label={what} />
      <Text size="xs" c="dimmed" aria-live="polite">
        {label}
      </Text>
    </Stack>
  );
}

export default function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const preview = useImport();
  const commit = useImport();
  const previewed = preview.data;
  const run = (mutation: typeof preview, dryRun: boolean) => {
    if (!file) return;
    setProgress(null);
    mutation.mutate({ file, dryRun, onProgress: setProgress });
  };
  return (
    <>
      <PageHeader
        title="Import"
        lead="Contacts (CSV from Google, Outlook, LinkedIn; vCard), org charts, calendars (iCalendar), ties and backups. Nothing is written until you confirm."
      />
      <Stack gap="lg" maw={900}>
        <Card withBorder radius="md">
          <Group align="flex-end" gap="sm">
            <FileInput
              label="File"
              placeholder="Choose a .csv, .vcf, .ics or .json file"
              leftSection={<IconFileImport size={16} />}
              value={file}
              onChange={(f) => {
                setFile(f);
                preview.reset();
                commit.reset();
              }}
              accept=".csv,.vcf,.ics,.json,text/csv,text/vcard,text/calendar,application/json"
              style={{ flex: 1 }}
            />
            <Button disabled={!file} loading={preview.isPending} onClick={() => run(preview, true)}>
              Preview
            </Button>
          </Group>
          {preview.isPending && <UploadBar progress={progress} what="Previewing the file" />}
        </Card>
        {preview.isError && (
          <Alert color="red" title="This file cannot be imported as it is">
            {preview.error.message}
          </Alert>
        )}
        {previewed && !commit.data && (
          <Card withBorder radius="md" data-testid="import-preview">
            <Title order={2} size="h4" mb="sm">
              Preview: nothing written yet
            </Title>
            <Counts p={previewed} />
            {previewed.errors.length > 0 && (
              <Table mt="md" aria-label="Problems in the file">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>Line</Table.Th>
                    <Table.Th>Problem</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {previewed.errors.map((e) => (
                    <Table.Tr key={`${e.line}-${e.message}`}>
                      <Table.Td>{e.line}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group mt="md">
              <Button
                leftSection={<IconUpload size={16} />}
                loading={commit.isPending}
                disabled={previewed.errors.length > 0}
                onClick={() => run(commit, false)}
              >
                Import {formatCount(previewed.created + previewed.matched)} records
              </Button>
              {previewed.errors.length > 0 && (
                <Text size="sm" c="dimmed">
                  Fix the lines above and preview again.
                </Text>
              )}
            </Group>
            {commit.isPending && <UploadBar progress={progress} what="Importing the file" />}
          </Card>
        )}
        <ErrorAlert error={commit.error} />
        {commit.data && (
          <Alert color="teal" title="Imported" data-testid="import-done">
            <Counts p={commit.data} />
          </Alert>
        )}
      </Stack>
    </>
  );
}
