import { Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMessagePlus } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { useBalance, useLedger, usePerson } from '../../api/hooks';
import { TIER_LABELS } from '../../api/types';
import { useOpenLog } from '../../shell/log-context';
import { signed } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { PersonLink } from '../../ui/PersonLink';
import { QueryState } from '../../ui/QueryState';
import { EditProfileModal } from './EditProfileModal';
import { AskCheckPanel, Assessments, Notes, Plans, Prep, Section } from './Sections';
import { Timeline } from './Timeline';

const BalanceChart = lazy(() => import('./BalanceChart'));

export default function PersonPage() {
  const id = Number(useParams().id);
  const person = usePerson(id);
  const ledger = useLedger(id);
  const balance = useBalance(id);
  const openLog = useOpenLog();
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  return (
    <QueryState query={person}>
      {(p) => (
        <>
          <PageHeader
            title={p.name}
            lead={[p.title, p.team, p.department, p.company].filter(Boolean).join(' · ') || undefined}
            actions={
              <Button leftSection={<IconMessagePlus size={16} />} onClick={() => openLog(p.id)}>
                Log with {p.name.split(' ')[0]}
              </Button>
            }
          />
          {editing && <EditProfileModal person={p} opened onClose={closeEdit} />}
          <div className="two-one-grid">
            <Stack gap="lg">
              <Section title="Balance">
                <QueryState query={balance}>
                  {(b) => (
                    <>
                      <Group gap="lg" mb="xs">
                        <Text size="xl" fw={700} c={b.balance < 0 ? 'red' : 'teal'} data-testid="balance">
                          {signed(b.balance)}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {b.deposits + b.withdrawals === 0
                            ? 'no capital moved yet'
                            : `= deposits ${b.depositsNow.toFixed(2)} − withdrawals ${b.withdrawalsNow.toFixed(2)} today (${[
                                b.deposits > 0 ? `+${b.deposits}` : '',
                                b.withdrawals > 0 ? `−${b.withdrawals}` : '',
                              ]
                                .filter(Boolean)
                                .join(' ')} as logged)`}{' '}
                          · half-life {b.halfLifeDays} days
                        </Text>
                      </Group>
                      {ledger.data && (
                        <Suspense fallback={<Skeleton h={180} />}>
                          <BalanceChart
                            entries={ledger.data.entries.filter((e) => e.author === null)}
                            halfLifeDays={b.halfLifeDays}
                          />
                        </Suspense>
                      )}
                    </>
                  )}
                </QueryState>
              </Section>
              <Section title="Timeline">
                <QueryState query={ledger}>
                  {(l) => <Timeline entries={l.entries} personId={p.id} />}
                </QueryState>
              </Section>
              <Notes personId={p.id} />
            </Stack>
            <Stack gap="lg">
              <Section
                title="Profile"
                actions={
                  <Button size="compact-sm" variant="subtle" onClick={openEdit}>
                    Edit
                  </Button>
                }
              >
                <Stack gap={6}>
                  <Group gap="xs">
                    <Badge variant="light">{TIER_LABELS[p.tier]}</Badge>
                    <Badge variant="outline" color="gray">
                      {p.category.replace('-', ' ')}
                    </Badge>
                    {p.isMe && <Badge color="grape">me</Badge>}
                  </Group>
                  {p.manager && (
                    <Text size="sm">
                      Reports to <PersonLink id={p.manager.id} name={p.manager.name} />
                    </Text>
                  )}
                  {p.reports.length > 0 && (
                    <Text size="sm">
                      Manages{' '}
                      {p.reports.map((r, i) => (
                        <span key={r.id}>
                          {i > 0 && ', '}
                          <PersonLink id={r.id} name={r.name} />
                        </span>
                      ))}
                    </Text>
                  )}
                  {p.emails.length > 0 && <Text size="sm">{p.emails.join(', ')}</Text>}
                  <Text size="sm">
                    <Text span fw={600}>
                      Interests:{' '}
                    </Text>
                    {p.interests.length ? (
                      p.interests.join(', ')
                    ) : (
                      <Text span c="dimmed">
                        none recorded yet (common ground helps)
                      </Text>
                    )}
                  </Text>
                  <Text size="sm">
                    <Text span fw={600}>
                      Communication:{' '}
                    </Text>
                    {p.communication ?? (
                      <Text span c="dimmed">
                        not recorded
                      </Text>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Care cadence {p.cadenceDays ? `${p.cadenceDays} days` : 'from the tier'} ·{' '}
                    {p.interactions.count} {p.interactions.count === 1 ? 'interaction' : 'interactions'}
                  </Text>
                </Stack>
              </Section>
              <Assessments person={p} />
              <AskCheckPanel personId={p.id} />
              <Plans personId={p.id} />
              <Prep personId={p.id} />
            </Stack>
          </div>
        </>
      )}
    </QueryState>
  );
}
