import type { TurnContext } from '../../core/turn-context.js';
import type { Db } from '../../store/prisma-client.js';
import type { AgentDesk } from '../handoff/agent-desk.js';

export interface DirectoryAccount {
  readonly id: string;
  readonly name: string;
  readonly partnerPageUrl: string | null;
}

/** Whose directory a question is answered from, or why none. */
export type PartnerAccess =
  | { readonly kind: 'account'; readonly account: DirectoryAccount; readonly asAgent: boolean }
  | { readonly kind: 'partner-user' }
  | {
      readonly kind: 'pick-account';
      readonly options: readonly DirectoryAccount[];
      /** The options are the brands of the chats the agent handles. */
      readonly fromChats: boolean;
    }
  | { readonly kind: 'no-accounts' };

/** The account an agent picked in this conversation ("Another account" clears it). */
export const PICKED_ACCOUNT_KEY = 'partners.accountId';

export interface PartnerAccessDeps {
  readonly db: Db;
  /** The handoff module's desk, once it exists (it is created after this module). */
  readonly agentDesk: () => AgentDesk | undefined;
}

const accountSelect = { id: true, name: true, partnerPageUrl: true } as const;

async function brandAccount(db: Db, id: string): Promise<DirectoryAccount | null> {
  return db.account.findFirst({ where: { id, kind: 'brand' }, select: accountSelect });
}

/** The brand accounts of the live chats the agent handles (the handoff module's view when it is there). */
async function handledAccounts(ctx: TurnContext, deps: PartnerAccessDeps): Promise<string[]> {
  const desk = deps.agentDesk();
  if (desk) {
    const chats = await desk.chatsOf(ctx.user);
    return [...new Set(chats.filter((c) => c.status === 'assigned').map((c) => c.requester.accountId))];
  }
  const rows = await deps.db.handoff.findMany({
    where: { agentId: ctx.user.id, status: 'assigned' },
    select: { accountId: true },
    distinct: ['accountId'],
  });
  return rows.map((r) => r.accountId);
}

async function handoffAccount(handoffId: string, deps: PartnerAccessDeps): Promise<string | null> {
  const desk = deps.agentDesk();
  if (desk) return (await desk.chat(handoffId))?.requester.accountId ?? null;
  const row = await deps.db.handoff.findUnique({ where: { id: handoffId }, select: { accountId: true } });
  return row?.accountId ?? null;
}

/**
 * Brand users see their own account's directory; partner users none. Agents
 * and admins see the account of the live chat they are in (`ctx.handoffId`),
 * else the one they picked in this conversation, else the brand of the only
 * chat they handle; otherwise they are asked to pick an account.
 */
export async function resolvePartnerAccess(
  ctx: TurnContext,
  deps: PartnerAccessDeps,
): Promise<PartnerAccess> {
  if (ctx.user.kind === 'partner') return { kind: 'partner-user' };
  if (ctx.user.role === 'requester') {
    const account = await brandAccount(deps.db, ctx.user.accountId);
    return account ? { kind: 'account', account, asAgent: false } : { kind: 'partner-user' };
  }
  const candidates: Array<string | null> = [];
  if (ctx.handoffId) candidates.push(await handoffAccount(ctx.handoffId, deps));
  const picked = ctx.state.memory[PICKED_ACCOUNT_KEY];
  if (typeof picked === 'string') candidates.push(picked);
  for (const id of candidates) {
    const account = id ? await brandAccount(deps.db, id) : null;
    if (account) return { kind: 'account', account, asAgent: true };
  }
  const handled = await handledAccounts(ctx, deps);
  if (handled.length === 1) {
    const account = await brandAccount(deps.db, handled[0]!);
    if (account) return { kind: 'account', account, asAgent: true };
  }
  const options = await deps.db.account.findMany({
    where:
      handled.length > 1 ? { id: { in: handled }, kind: 'brand' } : { kind: 'brand', partners: { some: {} } },
    select: accountSelect,
    orderBy: { name: 'asc' },
    take: 25,
  });
  if (options.length === 0) return { kind: 'no-accounts' };
  return { kind: 'pick-account', options, fromChats: handled.length > 1 };
}
