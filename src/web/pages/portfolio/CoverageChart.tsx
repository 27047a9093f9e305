import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { type Coverage, DIRECTIONS } from '../../api/types';

export default function CoverageChart({ coverage }: { coverage: Coverage }) {
  const data = DIRECTIONS.map((d) => ({ direction: d, ...coverage.directions[d] }));
  return (
    <BarChart
      h={260}
      data={data}
      dataKey="direction"
      type="stacked"
      withLegend
      series={[
        { name: 'partner', label: 'Trusted partners', color: 'indigo.6' },
        { name: 'friend', label: 'Friends', color: 'teal.6' },
        { name: 'acquaintance', label: 'Acquaintances', color: 'gray.5' },
      ]}
    />
  );
}
