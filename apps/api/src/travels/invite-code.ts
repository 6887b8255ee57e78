import { randomInt } from 'node:crypto'
import { INVITE_CODE_ALPHABET, LIMITS } from '@connecto/shared'

/** An 8-character code from an alphabet without look-alike characters. */
export function generateInviteCode() {
  let code = ''
  for (let i = 0; i < LIMITS.inviteCodeLength; i++)
    code += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)]
  return code
}
