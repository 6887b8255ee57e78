'use client'
// What a viewer can do to a message, each through its api procedure. Results merge into the timeline
// at once (the stream brings the same change to everyone else); refusals go to `onRefusal`.
import type { MessageView } from '@connecto/shared'
import { useMemo } from 'react'
import { useTRPCClient } from '@/lib/connecto'
import { useDescribeRefusal } from '@/lib/refusal'

type Handlers = {
  merge: (messages: MessageView[]) => void
  patchReactions: (messageId: string, reactions: MessageView['reactions']) => void
  onRefusal: (text: string) => void
}

export function useMessageActions({ merge, patchReactions, onRefusal }: Handlers) {
  const client = useTRPCClient()
  const describeRefusal = useDescribeRefusal()
  return useMemo(() => {
    const run = async <T>(call: () => Promise<T>, then?: (result: T) => void) => {
      try {
        const result = await call()
        then?.(result)
        return true
      } catch (error) {
        onRefusal(describeRefusal(error).text)
        return false
      }
    }
    const mergeOne = (message: unknown) => merge([message as MessageView])
    return {
      toggleReaction: (message: MessageView, emoji: string, viewerId: string) => {
        const mine = message.reactions.some((r) => r.emoji === emoji && r.userIds.includes(viewerId))
        const input = { messageId: message.id, emoji }
        return run(
          () => (mine ? client.messages.unreact.mutate(input) : client.messages.react.mutate(input)),
          (result) => patchReactions(message.id, result.reactions),
        )
      },
      edit: (messageId: string, content: string) =>
        run(() => client.messages.edit.mutate({ messageId, content }), mergeOne),
      remove: (messageId: string) => run(() => client.messages.delete.mutate({ messageId }), mergeOne),
      restore: (messageId: string) => run(() => client.messages.restore.mutate({ messageId }), mergeOne),
      pin: (messageId: string) => run(() => client.messages.pin.mutate({ messageId }), mergeOne),
      unpin: (messageId: string) => run(() => client.messages.unpin.mutate({ messageId }), mergeOne),
      forward: (messageId: string, toPlanetId: string) =>
        run(() =>
          client.messages.forward.mutate({
            messageId,
            toPlanetId,
            clientMessageId: `fwd-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
          }),
        ),
    }
  }, [client, merge, patchReactions, onRefusal, describeRefusal])
}

export type MessageActions = ReturnType<typeof useMessageActions>
