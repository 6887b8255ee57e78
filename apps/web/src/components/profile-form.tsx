'use client'

// The editable part of the profile. A refusal naming a field (SYS001 with `field`) is shown under that
// field; anything else under the form.
import { appErrorOf } from '@connecto/client'
import { LIMITS, PROFILE_AGE_MAX, PROFILE_AGE_MIN, PROFILE_BIO_MAX, PROFILE_TEXT_MAX } from '@connecto/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { cloneElement, type ReactElement, useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import { useDescribeRefusal } from '@/lib/refusal'

type FieldName = 'nickname' | 'name' | 'age' | 'occupation' | 'bio'

export function ProfileForm() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const profile = useQuery(trpc.users.profile.queryOptions())
  const [saved, setSaved] = useState(false)
  const t = useTranslations('profile')
  const describeRefusal = useDescribeRefusal()
  const save = useMutation(
    trpc.users.updateProfile.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.users.profile.queryKey(), data)
        void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() })
        setSaved(true)
      },
    }),
  )
  if (!profile.data) return null
  const p = profile.data
  const refusal = save.error ? appErrorOf(save.error) : null
  const fieldError = (field: FieldName) =>
    refusal?.field === field ? describeRefusal(save.error).text : null

  function submit(form: FormData) {
    setSaved(false)
    const text = (key: FieldName) => String(form.get(key) ?? '')
    const age = text('age').trim()
    save.mutate({
      nickname: text('nickname'),
      name: text('name'),
      age: age === '' ? null : Number(age),
      occupation: text('occupation'),
      bio: text('bio'),
    })
  }

  return (
    <form
      className="form"
      aria-labelledby="profile-form-heading"
      onSubmit={(event) => {
        event.preventDefault()
        submit(new FormData(event.currentTarget))
      }}
    >
      <h2 id="profile-form-heading" className="card-title">
        {t('editHeading')}
      </h2>
      <ProfileField field="nickname" label={t('nickname')} error={fieldError('nickname')}>
        <input defaultValue={p.nickname} maxLength={LIMITS.nicknameMax} required />
      </ProfileField>
      <ProfileField field="name" label={t('name')} error={fieldError('name')}>
        <input defaultValue={p.name ?? ''} maxLength={PROFILE_TEXT_MAX} />
      </ProfileField>
      <ProfileField field="age" label={t('age')} error={fieldError('age')}>
        <input type="number" min={PROFILE_AGE_MIN} max={PROFILE_AGE_MAX} defaultValue={p.age ?? ''} />
      </ProfileField>
      <ProfileField field="occupation" label={t('occupation')} error={fieldError('occupation')}>
        <input defaultValue={p.occupation ?? ''} maxLength={PROFILE_TEXT_MAX} />
      </ProfileField>
      <ProfileField field="bio" label={t('bio')} error={fieldError('bio')}>
        <textarea rows={3} defaultValue={p.bio ?? ''} maxLength={PROFILE_BIO_MAX} />
      </ProfileField>
      {save.error && !refusal?.field ? (
        <p className="form-error" role="alert">
          {describeRefusal(save.error).text}
        </p>
      ) : null}
      <p className="muted" role="status">
        {save.isPending ? t('saving') : saved ? t('saved') : ''}
      </p>
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {t('save')}
      </button>
    </form>
  )
}

/** A labelled control with the refusal that names it underneath, announced and linked for screen readers. */
function ProfileField(props: {
  field: FieldName
  label: string
  error: string | null
  children: ReactElement<Record<string, unknown>>
}) {
  const id = `profile-${props.field}`
  const errorId = `${props.field}-error`
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {cloneElement(props.children, {
        id,
        name: props.field,
        'aria-describedby': props.error ? errorId : undefined,
      })}
      {props.error ? (
        <span id={errorId} className="form-error" role="alert">
          {props.error}
        </span>
      ) : null}
    </div>
  )
}
