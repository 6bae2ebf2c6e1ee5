/** Who is talking to the bot: resolved from the directory for every turn. */
export type UserRole = 'requester' | 'agent' | 'admin';
export type UserKind = 'brand' | 'partner';

export interface UserProfile {
  readonly id: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly role: UserRole;
  readonly kind: UserKind;
  readonly accountId: string;
}
