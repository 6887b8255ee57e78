// Live events carried on the bus and yielded by subscriptions. `seq` is the per-planet sequence.
export type MessageView = {
  id: string
  planetId: string
  senderId: string | null
  senderNickname: string | null
  type: string
  content: string | null
  replyToId: string | null
  clientMessageId: string | null
  createdAt: string
  editedAt: string | null
  deletedAt: string | null
}

export type PlanetEvent =
  | { type: 'message.new'; seq: number; planetId: string; message: MessageView }
  | { type: 'message.edited'; seq: number; planetId: string; message: MessageView }
  | { type: 'message.deleted'; seq: number; planetId: string; message: MessageView }
  | { type: 'resync'; seq: number; planetId: string; reason: 'retention' }

export type PlanetEventType = PlanetEvent['type']

/** Events for one user on `busChannel.user`; `access.revoked` ends their live streams of that travel. */
export type UserEvent = { type: 'access.revoked'; travelId: string; reason: 'travel.banned' }

export const busChannel = {
  planet: (planetId: string) => `planet:${planetId}`,
  travel: (travelId: string) => `travel:${travelId}`,
  user: (userId: string) => `user:${userId}`,
  /** Platform bans, so every node closes the banned user's sockets. */
  platformBans: 'platform:bans',
}
