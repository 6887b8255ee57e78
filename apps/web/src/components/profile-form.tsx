'use client'

// The editable part of the profile. A refusal naming a field (SYS001 with `field`) is shown under that
// field; anything else under the form.
import { appErrorOf } from '@connecto/client'
import { LIMITS, PROFILE_AGE_MAX, PROFILE_AGE_MIN, PROFILE_BIO_MAX, PROFILE_TEXT_MAX } from '@connecto/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import { describeRefusal } from '@/lib/refusal'

type FieldName = 'nickname' | 'name' | 'age' | 'occupation' | 'bio'

export function ProfileForm() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const profile = useQuery(trpc.users.profile.queryOptions())
  const [saved, setSaved] = useState(false)
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
    refusal?.field === field ? (
      <span id={`${field}-error`} className="form-error" role="alert">
        {describeRefusal(save.error).text}
      </span>
    ) : null
  const described = (field: FieldName) => (refusal?.field === field ? `${field}-error` : undefined)

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
        Edit profile
      </h2>
      <div className="field">
        <label htmlFor="profile-nickname">Nickname</label>
        <input
          id="profile-nickname"
          name="nickname"
          defaultValue={p.nickname}
          maxLength={LIMITS.nicknameMax}
          required
          aria-describedby={described('nickname')}
        />
        {fieldError('nickname')}
      </div>
      <div className="field">
        <label htmlFor="profile-name">Name</label>
        <input
          id="profile-name"
          name="name"
          defaultValue={p.name ?? ''}
          maxLength={PROFILE_TEXT_MAX}
          aria-describedby={described('name')}
        />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor="profile-age">Age</label>
        <input
          id="profile-age"
          name="age"
          type="number"
          min={PROFILE_AGE_MIN}
          max={PROFILE_AGE_MAX}
          defaultValue={p.age ?? ''}
          aria-describedby={described('age')}
        />
        {fieldError('age')}
      </div>
      <div className="field">
        <label htmlFor="profile-occupation">Occupation</label>
        <input
          id="profile-occupation"
          name="occupation"
          defaultValue={p.occupation ?? ''}
          maxLength={PROFILE_TEXT_MAX}
          aria-describedby={described('occupation')}
        />
        {fieldError('occupation')}
      </div>
      <div className="field">
        <label htmlFor="profile-bio">Bio</label>
        <textarea
          id="profile-bio"
          name="bio"
          rows={3}
          defaultValue={p.bio ?? ''}
          maxLength={PROFILE_BIO_MAX}
          aria-describedby={described('bio')}
        />
        {fieldError('bio')}
      </div>
      {save.error && !refusal?.field ? (
        <p className="form-error" role="alert">
          {describeRefusal(save.error).text}
        </p>
      ) : null}
      <p className="muted" role="status">
        {save.isPending ? 'Saving…' : saved ? 'Profile saved' : ''}
      </p>
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        Save profile
      </button>
    </form>
  )
}
