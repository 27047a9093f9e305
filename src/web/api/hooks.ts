// Every read as a TanStack Query hook and every write as a mutation that refreshes what it
// changes. The paths are the API's (docs/web-api.md lists the ones the web app relies on).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from './client';
import type {
  AddPersonInput,
  ApiToken,
  AskCheck,
  AskSize,
  AssessInput,
  Assessment,
  Coverage,
  FocusItem,
  InfluencePath,
  Initiative,
  LedgerView,
  LogInput,
  MapView,
  Member,
  NetworkGraph,
  NewOnboardingList,
  Note,
  NurtureEntry,
  OnboardingListView,
  OnboardingView,
  PersonBalance,
  PersonDetail,
  PersonView,
  PlanStep,
  Session,
  SettingsView,
  SetupState,
} from './types';
import { type UploadProgress, uploadImport } from './upload';

/** Lists may come paginated ({items, next}); the web app reads a whole first page. */
const items = <T>(page: T[] | { items: T[] }): T[] => (Array.isArray(page) ? page : page.items);

export const keys = {
  session: ['session'] as const,
  setup: ['setup'] as const,
  people: ['people'] as const,
  person: (id: number) => ['people', id] as const,
  initiatives: ['initiatives'] as const,
  map: (id: number, at: string | null) => ['map', id, at] as const,
};

/** Whether the instance has an owner yet; asked only when nobody is signed in (first run or sign-in). */
export const useSetup = (enabled = true) =>
  useQuery({ queryKey: keys.setup, queryFn: () => get<SetupState>('/setup'), enabled });
export const useSession = () =>
  useQuery({ queryKey: keys.session, queryFn: () => get<Session>('/session'), retry: false });

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => post<Session>('/session', body),
    onSuccess: (s) => {
      qc.clear();
      qc.setQueryData(keys.session, s);
    },
  });
}
export function useCreateOwner() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; email: string; password: string; demo: boolean }) =>
      post<Session>('/setup', body),
    onSuccess: () => qc.invalidateQueries(),
  });
}
export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => del<void>('/session'),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(keys.session, null);
      void qc.invalidateQueries({ queryKey: keys.session });
    },
  });
}

/**
 * Everyone, page after page: the API answers at most 1,000 people a request, and the table, the
 * palette, the quick log and the map's picker search the whole workspace in the browser.
 */
async function everyone(): Promise<PersonView[]> {
  const all: PersonView[] = [];
  for (let cursor: number | null = 0; cursor !== null; ) {
    const page: { items: PersonView[]; next: number | null } = await get('/people', cursor ? { cursor } : {});
    all.push(...page.items);
    cursor = page.next;
  }
  return all;
}

/**
 * Everyone in the workspace. Every page's shell (the palette, the quick log) asks only once
 * opened: on a large workspace the list is the slowest answer, and a page that does not need it
 * should not wait behind it on the server.
 */
export const usePeople = (enabled = true) => useQuery({ queryKey: keys.people, queryFn: everyone, enabled });
export const usePerson = (id: number) =>
  useQuery({ queryKey: keys.person(id), queryFn: () => get<PersonDetail>(`/people/${id}`) });
export const useLedger = (id: number) =>
  useQuery({
    queryKey: [...keys.person(id), 'ledger'],
    queryFn: () => get<LedgerView>(`/people/${id}/ledger`),
  });
export const useBalance = (id: number) =>
  useQuery({
    queryKey: [...keys.person(id), 'balance'],
    queryFn: () => get<PersonBalance>(`/people/${id}/balance`),
  });
export const useNotes = (id: number) =>
  useQuery({
    queryKey: [...keys.person(id), 'notes'],
    queryFn: async () => items(await get<Note[] | { items: Note[] }>(`/people/${id}/notes`)),
  });
export const usePlans = (id: number) =>
  useQuery({
    queryKey: [...keys.person(id), 'plans'],
    queryFn: async () => items(await get<PlanStep[] | { items: PlanStep[] }>(`/people/${id}/plans`)),
  });
export const useAsk = (id: number, size: AskSize, enabled: boolean) =>
  useQuery({
    queryKey: [...keys.person(id), 'ask', size],
    queryFn: () => get<AskCheck>(`/people/${id}/ask`, { size }),
    enabled,
  });
export const usePrep = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: [...keys.person(id), 'prep'],
    queryFn: () => get<Record<string, unknown>>(`/people/${id}/prep`),
    enabled,
  });

export const useFocus = () => useQuery({ queryKey: ['focus'], queryFn: () => get<FocusItem[]>('/focus') });
export const useNurture = () =>
  useQuery({
    queryKey: ['nurture'],
    queryFn: async () => items(await get<NurtureEntry[] | { items: NurtureEntry[] }>('/nurture')),
  });
export const useUpcomingSteps = () =>
  useQuery({
    queryKey: ['plans', 'upcoming'],
    queryFn: async () =>
      items(
        await get<PlanStep[] | { items: PlanStep[] }>('/plans', {
          open: true,
        }),
      ),
  });

export const useInitiatives = () =>
  useQuery({
    queryKey: keys.initiatives,
    queryFn: async () => items(await get<Initiative[] | { items: Initiative[] }>('/initiatives')),
  });
export const useMap = (id: number | null, at: string | null) =>
  useQuery({
    queryKey: keys.map(id ?? 0, at),
    queryFn: () => get<MapView>(`/initiatives/${id}/map`, { at }),
    enabled: id !== null,
    placeholderData: (previous) => previous,
  });
export const useAssessmentHistory = (id: number | null) =>
  useQuery({
    queryKey: ['map', id, 'history'],
    queryFn: async () =>
      items(await get<Assessment[] | { items: Assessment[] }>(`/initiatives/${id}/assessments`)),
    enabled: id !== null,
  });

export const useCoverage = () =>
  useQuery({ queryKey: ['coverage'], queryFn: () => get<Coverage>('/coverage') });
export const useOnboarding = () =>
  useQuery({ queryKey: ['onboarding'], queryFn: () => get<OnboardingView>('/onboarding') });
/** The network to draw, with stances on `initiative` when one is chosen; the last drawing stays up while the next loads. */
export const useNetwork = (initiative: number | null) =>
  useQuery({
    queryKey: ['network', initiative],
    queryFn: () => get<NetworkGraph>('/network', { initiative }),
    placeholderData: keepPreviousData,
  });
export const usePathTo = (id: number | null) =>
  useQuery({
    queryKey: ['path', id],
    queryFn: () => get<InfluencePath>('/paths', { to: id }),
    enabled: id !== null,
    retry: false,
  });
export const useSettings = () =>
  useQuery({ queryKey: ['settings'], queryFn: () => get<SettingsView>('/settings') });
export const useMembers = () =>
  useQuery({
    queryKey: ['members'],
    queryFn: async () => items(await get<Member[] | { items: Member[] }>('/members')),
  });
export const useOnboardingLists = () =>
  useQuery({ queryKey: ['onboarding-lists'], queryFn: () => get<OnboardingListView[]>('/onboarding-lists') });
export const useTokens = () =>
  useQuery({
    queryKey: ['tokens'],
    queryFn: async () => items(await get<ApiToken[] | { items: ApiToken[] }>('/tokens')),
  });

/** A write that refreshes every read (they are cheap, and a changed ledger moves focus, balances, maps). */
function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'setup' }),
  });
}

export const useSetMember = () =>
  useWrite((body: { email: string; role: string }) => post<Member>('/members', body));
export const useRemoveMember = () => useWrite((id: number) => del<Member>(`/members/${id}`));
export const useAddPerson = () => useWrite((p: AddPersonInput) => post<PersonView>('/people', p));
export const useEditPerson = () =>
  useWrite(({ id, ...fields }: Partial<AddPersonInput> & { id: number }) =>
    patch<PersonView>(`/people/${id}`, fields),
  );
export const useBulkEditPeople = () =>
  useWrite((body: { ids: number[]; tier?: string; category?: string }) =>
    post<{ updated: number }>('/people/bulk', body),
  );
export const useLog = () => useWrite((input: LogInput) => post<{ ids: number[] }>('/interactions', input));
export const useEditInteraction = () =>
  useWrite(
    ({
      id,
      ...fields
    }: {
      id: number;
      kind?: string;
      note?: string | null;
      capital?: number;
      shared?: boolean;
    }) => patch<unknown>(`/interactions/${id}`, fields),
  );
export const useDeleteInteraction = () => useWrite((id: number) => del<unknown>(`/interactions/${id}`));
export const useRestoreInteraction = () =>
  useWrite((id: number) => post<unknown>(`/interactions/${id}/restore`));
export const useAssess = () => useWrite((input: AssessInput) => post<Assessment>('/assessments', input));
export const useUndoAssessment = () => useWrite((id: number) => del<unknown>(`/assessments/${id}`));
export const useAddInitiative = () =>
  useWrite((body: { name: string; description?: string | null }) => post<Initiative>('/initiatives', body));
export const useAddNote = () =>
  useWrite(({ personId, ...body }: { personId: number; body: string; shared: boolean }) =>
    post<Note>(`/people/${personId}/notes`, body),
  );
export const useAddPlanStep = () =>
  useWrite(({ personId, ...body }: { personId: number; strategy: string; step: string; due: string }) =>
    post<PlanStep>(`/people/${personId}/plans`, body),
  );
export const useCompleteStep = () => useWrite((id: number) => post<PlanStep>(`/plans/${id}/done`));
export const useImport = () =>
  useWrite(
    ({
      file,
      dryRun,
      onProgress,
    }: {
      file: File;
      dryRun: boolean;
      onProgress: (p: UploadProgress) => void;
    }) => uploadImport(file, dryRun, onProgress),
  );
export const useSaveSettings = () =>
  useWrite((body: Partial<SettingsView>) => patch<SettingsView>('/settings', body));
export const useCreateOnboardingList = () =>
  useWrite((body: NewOnboardingList) => post<OnboardingListView>('/onboarding-lists', body));
export const useCreateToken = () => useWrite((body: { name: string }) => post<ApiToken>('/tokens', body));
export const useRevokeToken = () => useWrite((id: number) => del<unknown>(`/tokens/${id}`));
