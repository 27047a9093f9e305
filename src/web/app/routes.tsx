import { createBrowserRouter } from 'react-router';
import { ThisWeekPage } from '../pages/this-week/ThisWeekPage';
import { AuthGate } from '../shell/AuthGate';
import { NotFound } from '../shell/NotFound';

// This week is the landing page and ships in the first bundle; every other page (and the chart,
// map and network code it brings) loads when first visited.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  {
    element: <AuthGate />,
    children: [
      { path: '/', element: <ThisWeekPage /> },
      { path: '/people', lazy: page(() => import('../pages/people/PeoplePage')) },
      { path: '/people/:id', lazy: page(() => import('../pages/person/PersonPage')) },
      { path: '/map', lazy: page(() => import('../pages/map/MapPage')) },
      { path: '/map/:initiative', lazy: page(() => import('../pages/map/MapPage')) },
      { path: '/network', lazy: page(() => import('../pages/network/NetworkPage')) },
      { path: '/portfolio', lazy: page(() => import('../pages/portfolio/PortfolioPage')) },
      { path: '/onboarding', lazy: page(() => import('../pages/onboarding/OnboardingPage')) },
      { path: '/import', lazy: page(() => import('../pages/import/ImportPage')) },
      { path: '/settings', lazy: page(() => import('../pages/settings/SettingsPage')) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
