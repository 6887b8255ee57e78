'use client'

import { SignOutButton } from '@connecto/web-kit/components/sign-out-button'
import { useMutation, useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { useRef, useState } from 'react'
import { useTRPC, useTRPCClient } from '@/lib/connecto'
import { describeRefusal } from '@/lib/refusal'
import { uploadFile } from '@/lib/upload'
import { Avatar } from './avatar'
import { ProfileForm } from './profile-form'
import { PageError, PageLoading } from './travel-view'

const ROLE_LABELS = { USER: 'Traveller', HOST: 'Host', ADMIN: 'Admin' } as const
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' })

export function ProfileView() {
  const trpc = useTRPC()
  const me = useQuery(trpc.auth.me.queryOptions())
  if (me.isPending) return <PageLoading label="Loading your profile" />
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
            <dt>Role</dt>
            <dd>{ROLE_LABELS[user.role as keyof typeof ROLE_LABELS] ?? user.role}</dd>
          </div>
          <div>
            <dt>Member since</dt>
            <dd>{dayFormat.format(new Date(user.createdAt))}</dd>
          </div>
          <div>
            <dt>Profile complete</dt>
            <dd>
              <progress max={100} value={user.profileCompletion} aria-label="Profile completion" />{' '}
              {user.profileCompletion}%
            </dd>
          </div>
        </dl>
        <div className="profile-actions">
          <Link href="/settings" className="button button-secondary">
            Settings
          </Link>
          <SignOutButton />
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
        {progress !== null ? `Uploading ${Math.round(progress * 100)}%` : 'Change photo'}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        hidden
        aria-label="Profile photo"
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
