import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { isTicketStatus } from '../../domain/ticket-statuses.js';
import { renderNoteModal, renderSolutionModal, renderTransferModal } from './render-agent-desk.js';
import { ACTION_DESK, VIEW_DESK_NOTE, VIEW_DESK_SOLUTION, VIEW_DESK_TRANSFER } from './slack-action-ids.js';
import type { SlackAgentDeskDeps } from './slack-desk-deps.js';
import type { DeskOperations } from './slack-desk-operations.js';

/**
 * The escalation message's buttons (Claim, Transfer, Note, Status, Close) and the Transfer, Note
 * and Solution modals (Solution Offered from the status menu asks for the solution first).
 */
export function registerDeskActions(app: App, deps: SlackAgentDeskDeps, ops: DeskOperations): void {
  const { desk, client } = deps;
  const t = deps.services.responses.t;

  app.action<BlockAction>(ACTION_DESK, async ({ ack, body, action }) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    const where = { channel: body.channel?.id ?? body.container?.channel_id ?? '', user: body.user.id };
    const kind = action.action_id.split(':')[1];
    // Buttons carry the chat in their value; the status menu in its block id.
    const handoffId =
      action.type === 'button'
        ? (action as ButtonAction).value
        : String(action.block_id).replace(/^hd_desk:/, '');
    if (!handoffId) return;
    const agent = await ops.agentProfile(team, body.user.id);
    switch (kind) {
      case 'claim':
        await ops.claim(agent, handoffId, where);
        return;
      case 'transfer': {
        const { agents, teams } = await desk.directory();
        const targets = { agents: agents.filter((a) => a.id !== agent.id), teams };
        await client.views.open({
          trigger_id: body.trigger_id,
          view: renderTransferModal(handoffId, targets, t),
        });
        return;
      }
      case 'note':
        await client.views.open({ trigger_id: body.trigger_id, view: renderNoteModal(handoffId, t) });
        return;
      case 'status': {
        const value = (action as StaticSelectAction).selected_option?.value ?? '';
        if (value === 'solution_offered') {
          await client.views.open({ trigger_id: body.trigger_id, view: renderSolutionModal(handoffId, t) });
        } else if (isTicketStatus(value)) {
          await ops.attempt(where, async () => {
            await desk.setTicketStatus(agent, handoffId, value);
          });
        }
        return;
      }
      case 'close':
        await ops.attempt(where, () => desk.close(agent, handoffId));
        return;
    }
  });

  app.view(VIEW_DESK_TRANSFER, async ({ ack, body, view }) => {
    const team = body.team?.id ?? body.user.team_id ?? '';
    const values = view.state.values;
    const agentId = values.agent?.value?.selected_option?.value ?? undefined;
    const teamId = values.team?.value?.selected_option?.value ?? undefined;
    const note = values.note?.value?.value ?? '';
    if (!agentId && !teamId) {
      const block = view.blocks.some((b) => b.block_id === 'agent') ? 'agent' : 'team';
      await ack({ response_action: 'errors', errors: { [block]: t('slack.desk.transfer_pick') } });
      return;
    }
    await ack();
    const { handoffId, agent, inChannel } = await submission(team, body.user.id, view.private_metadata);
    await ops.attempt(inChannel, () =>
      ops.transfer(agent, handoffId, agentId ? { agentId } : { teamId: teamId ?? '' }, note),
    );
  });

  app.view(VIEW_DESK_NOTE, async ({ ack, body, view }) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    const { handoffId, agent, inThread } = await submission(team, body.user.id, view.private_metadata);
    const note = view.state.values.note?.value?.value ?? '';
    await ops.attempt(inThread, () => desk.note(agent, handoffId, note));
  });

  app.view(VIEW_DESK_SOLUTION, async ({ ack, body, view }) => {
    const solution = (view.state.values.solution?.value?.value ?? '').trim();
    if (!solution) {
      await ack({ response_action: 'errors', errors: { solution: t('slack.desk.solution_required') } });
      return;
    }
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    const { handoffId, agent, inThread } = await submission(team, body.user.id, view.private_metadata);
    await ops.attempt(inThread, async () => {
      const { notice } = await desk.setTicketStatus(agent, handoffId, 'solution_offered', solution);
      await ops.tell(inThread, notice ?? t('slack.desk.solution_saved'));
    });
  });

  /**
   * Who submitted a desk modal and for which chat (its handoff id rides in the modal's metadata),
   * and where to answer: in the agents' channel, or in the chat's thread there.
   */
  async function submission(team: string, user: string, handoffId: string) {
    const agent = await ops.agentProfile(team, user);
    const thread = await deps.threads.byHandoff(handoffId);
    const inChannel = { channel: thread?.channel ?? '', user };
    return {
      handoffId,
      agent,
      inChannel,
      inThread: { ...inChannel, ...(thread ? { threadTs: thread.ts } : {}) },
    };
  }
}
