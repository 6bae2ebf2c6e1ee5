import { describe, expect, it } from 'vitest';
import { teamsFor } from '../../../src/skills/handoff/agent-availability.js';
import { fillCannedVariables } from '../../../src/skills/handoff/canned-reply-text.js';
import { estimateWaitMinutes } from '../../../src/skills/handoff/wait-estimate.js';
import type { TeamRecord } from '../../../src/store/agent-directory.js';

const team = (id: string, issueTypes: string[]): TeamRecord => ({
  id,
  name: id,
  timezone: 'UTC',
  businessHours: {},
  issueTypes,
  memberIds: [],
});

describe('routing to a team', () => {
  const teams = [
    team('general', []),
    team('finance', ['payments_finance', 'finance_tax_contracts']),
    team('tracking', ['tracking_reporting']),
  ];
  it('puts the specialised team first, then the teams taking every issue type', () => {
    expect(teamsFor(teams, 'payments_finance').map((t) => t.id)).toEqual(['finance', 'general']);
    expect(teamsFor(teams, 'other').map((t) => t.id)).toEqual(['general']);
    expect(teamsFor(teams, null).map((t) => t.id)).toEqual(['general']);
  });
});

describe('the wait estimate', () => {
  it('grows with the place in line and shrinks with more agents', () => {
    expect(estimateWaitMinutes({ position: 1, onlineAgents: 1, averageHandleMin: 6 })).toBe(3);
    expect(estimateWaitMinutes({ position: 5, onlineAgents: 2, averageHandleMin: 6 })).toBe(15);
    expect(estimateWaitMinutes({ position: 5, onlineAgents: 4, averageHandleMin: 6 })).toBe(9);
    expect(estimateWaitMinutes({ position: 1, onlineAgents: 0, averageHandleMin: null })).toBe(3);
    expect(estimateWaitMinutes({ position: 1, onlineAgents: 10, averageHandleMin: 0.1 })).toBe(1);
  });
});

describe('canned reply variables', () => {
  it('fills the known variables and leaves other braces alone', () => {
    expect(
      fillCannedVariables('Hi {userName}, {agentName} here about {ticketNumber} {other}', {
        userName: 'Alice',
        ticketNumber: '#1042',
        agentName: 'Sam',
      }),
    ).toBe('Hi Alice, Sam here about #1042 {other}');
  });
});
