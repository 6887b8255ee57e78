'use client'

import { useMutation, useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useRef, useState } from 'react'
import { useTRPC, useTRPCClient } from '@/lib/connecto'
import { useDateFormat } from '@/lib/format'
import { useDescribeRefusal } from '@/lib/refusal'
import { uploadFile } from '@/lib/upload'
import { Avatar } from './avatar'
import { ProfileForm } from './profile-form'
import { SignOutButtonLocalized } from './sign-out'
import { PageError, PageLoading } from './travel-view'

const DAY_OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' }

export function ProfileView() {
  const trpc = useTRPC()
  const me = useQuery(trpc.auth.me.queryOptions())
  const t = useTranslations()
  const describeRefusal = useDescribeRefusal()
  const dayFormat = useDateFormat(DAY_OPTIONS)
  if (me.isPending) return <PageLoading label={t('profile.loading')} />
  if (me.isError) return <PageError message={describeRefusal(me.error).text} />
  const user = me.data
  return (
    <div className="page page-narrow">
      <section className="card profile-card" aria-labelledby="profile-heading">
        <AvatarEditor name={user.nickname} seed={user.id} savedAvatarId={user.avatarFileId} />
        <h1 id="profile-heading">{user.nickname}</h1>
        <p className="muted">{user.email}</p>
        <dl className="facts-list">
          <div>
            <dt>{t('profile.role')}</dt>
            <dd>{t(`roles.${user.role}`)}</dd>
          </div>
          <div>
            <dt>{t('profile.memberSince')}</dt>
            <dd>{dayFormat.format(new Date(user.createdAt))}</dd>
          </div>
          <div>
            <dt>{t('profile.complete')}</dt>
            <dd>
              <progress max={100} value={user.profileCompletion} aria-label={t('profile.completion')} />{' '}
              {user.profileCompletion}%
            </dd>
          </div>
        </dl>
        <div className="profile-actions">
          <Link href="/settings" className="button button-secondary">
            {t('profile.settings')}
          </Link>
          <SignOutButtonLocalized />
        </div>
      </section>
      <section className="card">
        <ProfileForm />
      </section>
    </div>
  )
}

/** Uploads a picture and makes it the avatar; shows it once the api has accepted it. */
function AvatarEditor({
  name,
  seed,
  savedAvatarId,
}: {
  name: string
  seed: string
  savedAvatarId: string | null
}) {
  const trpc = useTRPC()
  const client = useTRPCClient()
  const input = useRef<HTMLInputElement>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const t = useTranslations('profile')
  const describeRefusal = useDescribeRefusal()
  const setAvatar = useMutation(trpc.files.setAvatar.mutationOptions())
  const avatarId = setAvatar.data?.avatar?.fileId ?? savedAvatarId
  const url = useQuery(
    trpc.files.downloadUrl.queryOptions(
      { fileId: avatarId ?? '', variant: 'thumbnail' },
      { enabled: !!avatarId },
    ),
  ).data?.url

  async function pick(file: File) {
    setError(null)
    setProgress(0)
    try {
      const fileId = await uploadFile(client, file, {
        signal: new AbortController().signal,
        onProgress: setProgress,
      })
      await setAvatar.mutateAsync({ fileId })
    } catch (caught) {
      setError(describeRefusal(caught).text)
    } finally {
      setProgress(null)
    }
  }

  return (
    <div className="avatar-editor">
      {url ? <img src={url} alt="" className="avatar-image" /> : <Avatar name={name} seed={seed} size={88} />}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => input.current?.click()}
      >
        {progress !== null ? t('uploading', { percent: Math.round(progress * 100) }) : t('changePhoto')}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        hidden
        aria-label={t('photo')}
        onChange={(event) => {
          const file = event.target.files?.[0]
          if (file) void pick(file)
          event.target.value = ''
        }}
      />
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
