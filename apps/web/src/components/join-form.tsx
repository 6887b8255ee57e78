'use client'

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import { useDescribeRefusal } from '@/lib/refusal'

/** Joins a travel by its invite code, then opens it. */
export function JoinForm({ initialCode = '' }: { initialCode?: string }) {
  const trpc = useTRPC()
  const router = useRouter()
  const queryClient = useQueryClient()
  const t = useTranslations('join')
  const describeRefusal = useDescribeRefusal()
  const [code, setCode] = useState(initialCode.toUpperCase())
  const join = useMutation(
    trpc.travels.join.mutationOptions({
      onSuccess: async (travel) => {
        await queryClient.invalidateQueries({ queryKey: trpc.travels.listMine.queryKey() })
        router.push(`/travels/${travel.id}`)
        router.refresh()
      },
    }),
  )
  const refusal = join.error ? describeRefusal(join.error) : null
  return (
    <form
      className="card form"
      onSubmit={(event) => {
        event.preventDefault()
        join.mutate({ inviteCode: code })
      }}
    >
      <div className="field">
        <label htmlFor="invite-code">{t('inviteCode')}</label>
        <input
          id="invite-code"
          name="inviteCode"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={8}
          placeholder={t('placeholder')}
          value={code}
          onChange={(event) => setCode(event.target.value.toUpperCase())}
          aria-invalid={refusal ? true : undefined}
          aria-describedby="join-error"
          className="code-input"
          required
        />
      </div>
      <div id="join-error" role="alert" className="form-error" data-testid="join-error">
        {refusal ? refusal.text : null}
      </div>
      <button type="submit" className="button button-primary button-block" disabled={join.isPending}>
        {join.isPending ? t('joining') : t('join')}
      </button>
    </form>
  )
}
