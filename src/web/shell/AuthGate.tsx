import { Center, Loader } from '@mantine/core';
import { Outlet } from 'react-router';
import { ApiError } from '../api/client';
import { useSession, useSetup } from '../api/hooks';
import { QueryState } from '../ui/QueryState';
import { FirstRun } from './FirstRun';
import { Layout } from './Layout';
import { SignIn } from './SignIn';

/** Signed in: the app. Otherwise: create the owner on a fresh instance, or sign in. */
export function AuthGate() {
  const session = useSession();
  const signedOut = session.isError && session.error instanceof ApiError && session.error.status === 401;
  // Signed in (most visits), the page's own requests start without this one beside them.
  const setup = useSetup(session.isError);
  if (session.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (session.data)
    return (
      <Layout session={session.data}>
        <Outlet />
      </Layout>
    );
  if (!signedOut && session.isError) return <QueryState query={session}>{() => null}</QueryState>;
  return <QueryState query={setup}>{(s) => (s.hasOwner ? <SignIn /> : <FirstRun />)}</QueryState>;
}
