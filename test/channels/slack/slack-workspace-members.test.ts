import type { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import {
  createWorkspaceMembers,
  isOutsideProfile,
  type SlackProfile,
  type WorkspaceHome,
} from '../../../src/channels/slack/slack-workspace-members.js';

const HOME: WorkspaceHome = { teamId: 'T0HOME', enterpriseId: null };
const GRID_HOME: WorkspaceHome = { teamId: 'T0HOME', enterpriseId: 'E0ACME' };

describe('whose workspace a Slack user is (users.info)', () => {
  it('a member of the workspace, or a profile naming no team, is the workspace’s', () => {
    expect(isOutsideProfile({ id: 'U1', team_id: 'T0HOME' }, HOME)).toBe(false);
    expect(isOutsideProfile({ id: 'U1' }, HOME)).toBe(false);
  });

  it('someone of another company (Slack Connect) is not', () => {
    expect(isOutsideProfile({ id: 'U1', team_id: 'T0PARTNERCO' }, HOME)).toBe(true);
  });

  it('in Enterprise Grid: a member of the workspace whose home is a sibling workspace is; another organisation is not', () => {
    const sibling: SlackProfile = {
      id: 'W1',
      team_id: 'T0SIBLING',
      enterprise_user: { enterprise_id: 'E0ACME', teams: ['T0SIBLING', 'T0HOME'] },
    };
    expect(isOutsideProfile(sibling, GRID_HOME)).toBe(false);
    const notHere = { ...sibling, enterprise_user: { enterprise_id: 'E0ACME', teams: ['T0SIBLING'] } };
    expect(isOutsideProfile(notHere, GRID_HOME)).toBe(true);
    const otherOrg = { id: 'W2', team_id: 'T0HOME', enterprise_user: { enterprise_id: 'E0OTHER' } };
    expect(isOutsideProfile(otherOrg, GRID_HOME)).toBe(true);
  });
});

describe('workspace members', () => {
  function members(profiles: Record<string, SlackProfile | Error>, home = HOME) {
    const asked: string[] = [];
    const client = {
      users: {
        info: async ({ user }: { user: string }) => {
          asked.push(user);
          const p = profiles[user];
          if (p instanceof Error) throw p;
          return { ok: true, user: p };
        },
      },
    } as unknown as webApi.WebClient;
    return {
      asked,
      members: createWorkspaceMembers({ client, home: () => home, logger: pino({ level: 'silent' }) }),
    };
  }

  it('takes the team the payload names, without asking Slack', async () => {
    const { members: m, asked } = members({});
    expect(await m.standing('U1', 'T0HOME')).toBe('member');
    expect(await m.standing('U2', 'T0PARTNERCO')).toBe('outsider');
    expect(asked).toEqual([]);
  });

  it('asks users.info when the payload names no team, and remembers the answer', async () => {
    const { members: m, asked } = members({ U3: { id: 'U3', team_id: 'T0PARTNERCO' } });
    expect(await m.standing('U3', undefined)).toBe('outsider');
    expect(await m.standing('U3', undefined)).toBe('outsider');
    expect(asked).toEqual(['U3']);
  });

  it('in Grid, a sibling workspace named by the payload is settled by users.info', async () => {
    const sibling = {
      id: 'W1',
      team_id: 'T0SIBLING',
      enterprise_user: { enterprise_id: 'E0ACME', teams: ['T0HOME'] },
    };
    const { members: m, asked } = members({ W1: sibling }, GRID_HOME);
    expect(await m.standing('W1', 'T0SIBLING')).toBe('member');
    expect(asked).toEqual(['W1']);
  });

  it('is not known when users.info fails (and asks again next time)', async () => {
    const { members: m, asked } = members({ U4: new Error('slack is down') });
    expect(await m.standing('U4', undefined)).toBe('unknown');
    expect(await m.standing('U4', undefined)).toBe('unknown');
    expect(asked).toEqual(['U4', 'U4']);
  });
});
