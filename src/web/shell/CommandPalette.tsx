import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconMap2, IconMessagePlus, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useInitiatives, usePeople } from '../api/hooks';
import { search } from '../search/match';
import { useOpenLog } from './log-context';

/** Ctrl+K: jump to any person or initiative, or log with a person, by a few letters of the name. */
export function CommandPalette() {
  const navigate = useNavigate();
  const openLog = useOpenLog();
  const [opened, setOpened] = useState(false);
  const people = usePeople(opened);
  const initiatives = useInitiatives();
  const actions: SpotlightActionData[] = [
    ...(people.data ?? []).flatMap((p) => [
      {
        id: `person-${p.id}`,
        label: p.name,
        description: [p.title, p.team].filter(Boolean).join(' · ') || 'Open their page',
        leftSection: <IconUser size={18} />,
        onClick: () => navigate(`/people/${p.id}`),
      },
      {
        id: `log-${p.id}`,
        label: `Log with ${p.name}`,
        description: 'Record a meeting, help, ask…',
        leftSection: <IconMessagePlus size={18} />,
        onClick: () => openLog(p.id),
      },
    ]),
    ...(initiatives.data ?? []).map((i) => ({
      id: `initiative-${i.id}`,
      label: i.name,
      description: 'Stakeholder map',
      leftSection: <IconMap2 size={18} />,
      onClick: () => navigate(`/map/${i.id}`),
    })),
  ];
  return (
    <Spotlight
      actions={actions}
      shortcut={['mod + K']}
      lockScroll={false}
      onSpotlightOpen={() => setOpened(true)}
      limit={12}
      nothingFound="Nobody and nothing by that name"
      highlightQuery={false}
      filter={(query, all) =>
        query.trim()
          ? search(all as SpotlightActionData[], query, (a) => a.label ?? '', 12)
          : (all as SpotlightActionData[]).filter((a) => !String(a.id).startsWith('log-')).slice(0, 12)
      }
      searchProps={{
        placeholder: 'Find a person or initiative…',
        'aria-label': 'Find a person or initiative',
      }}
    />
  );
}
