'use client'

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useTRPC } from '@/lib/connecto'
import { useDescribeRefusal } from '@/lib/refusal'

const today = () => new Date().toISOString().slice(0, 10)

export function NewTravelForm() {
  const trpc = useTRPC()
  const router = useRouter()
  const queryClient = useQueryClient()
  const t = useTranslations('newTravel')
  const describeRefusal = useDescribeRefusal()
  const create = useMutation(
    trpc.travels.create.mutationOptions({
      onSuccess: async (travel) => {
        await queryClient.invalidateQueries({ queryKey: trpc.travels.listMine.queryKey() })
        router.push(`/travels/${travel.id}`)
      },
    }),
  )
  return (
    <form
      className="card form"
      onSubmit={(event) => {
        event.preventDefault()
        const form = new FormData(event.currentTarget)
        const description = String(form.get('description') ?? '').trim()
        create.mutate({
          name: String(form.get('name') ?? ''),
          description: description || undefined,
          startDate: new Date(String(form.get('startDate'))),
          endDate: new Date(String(form.get('endDate'))),
          visibility: form.get('public') ? 'PUBLIC' : 'INVITE_ONLY',
        })
      }}
    >
      <div className="field">
        <label htmlFor="travel-name">{t('name')}</label>
        <input
          id="travel-name"
          name="name"
          minLength={2}
          maxLength={80}
          required
          placeholder={t('namePlaceholder')}
        />
      </div>
      <div className="field">
        <label htmlFor="travel-description">{t('description')}</label>
        <textarea id="travel-description" name="description" rows={3} maxLength={2000} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="travel-start">{t('starts')}</label>
          <input id="travel-start" name="startDate" type="date" defaultValue={today()} required />
        </div>
        <div className="field">
          <label htmlFor="travel-end">{t('ends')}</label>
          <input id="travel-end" name="endDate" type="date" defaultValue={today()} required />
        </div>
      </div>
      <label className="check">
        <input type="checkbox" name="public" /> {t('public')}
      </label>
      <div role="alert" className="form-error">
        {create.error ? describeRefusal(create.error).text : null}
      </div>
      <button type="submit" className="button button-primary button-block" disabled={create.isPending}>
        {create.isPending ? t('creating') : t('create')}
      </button>
    </form>
  )
}
