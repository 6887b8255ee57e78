// The admin suite's api client: tRPC over HTTP for arranging state before a browser test (accounts,
// joins, messages, reports) without clicking through other apps. Plain JSON is enough: superjson wraps
// it as { json }, and every input used here coerces its dates.
import { e2eEnv } from './env'

type Envelope = { result?: { data?: { json?: unknown } }; error?: { json?: { message?: string } } }

async function call<T>(method: 'GET' | 'POST', path: string, input: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  const encoded = encodeURIComponent(JSON.stringify({ json: input }))
  const url = `${e2eEnv.apiUrl}/trpc/${path}${method === 'GET' ? `?input=${encoded}` : ''}`
  const response = await fetch(url, {
    method,
    headers,
    ...(method === 'POST' ? { body: JSON.stringify({ json: input }) } : {}),
  })
  const body = (await response.json()) as Envelope
  if (!response.ok || body.error) {
    throw new Error(`api ${path} failed (${response.status}): ${body.error?.json?.message ?? 'no message'}`)
  }
  return body.result?.data?.json as T
}

/** The api as one signed-in user. */
export type ApiAs = {
  userId: string
  query: <T>(path: string, input?: unknown) => Promise<T>
  mutate: <T>(path: string, input?: unknown) => Promise<T>
}

type AuthResult = { accessToken: string; user: { id: string } }

const asUser = (auth: AuthResult): ApiAs => ({
  userId: auth.user.id,
  query: (path, input) => call('GET', path, input ?? null, auth.accessToken),
  mutate: (path, input) => call('POST', path, input ?? null, auth.accessToken),
})

export async function signInAsUser(account: { email: string; password: string }) {
  return asUser(await call<AuthResult>('POST', 'auth.signIn', account))
}

export async function signUpAsUser(person: { email: string; password: string; nickname: string }) {
  return asUser(await call<AuthResult>('POST', 'auth.signUp', person))
}

type Planet = { id: string; name: string; type: string }

/** Joins a travel by invite code; returns its id and its first group planet. */
export async function joinByCode(api: ApiAs, inviteCode: string) {
  const travel = await api.mutate<{ id: string }>('travels.join', { inviteCode })
  const planets = await api.query<Planet[]>('planets.list', { travelId: travel.id })
  const general = planets.find((p) => p.type === 'GROUP')
  if (!general) throw new Error('the travel has no group planet')
  return { travelId: travel.id, general }
}

let sent = 0
export function sendMessage(api: ApiAs, planetId: string, content: string) {
  return api.mutate<{ id: string }>('messages.send', {
    planetId,
    content,
    clientMessageId: `e2e-admin-${Date.now()}-${++sent}`,
  })
}
