import { allowedActions, nextStatus, STATUS_ACTIONS } from '../../../shared/domain/lifecycle';
import { STATUSES, type Status } from '../../../shared/domain/statuses';

// Every (status, action) pair, written out by hand from SPEC.md §5: where it goes, or null if refused.
const EXPECTED: Record<Status, Record<(typeof STATUS_ACTIONS)[number], Status | null>> = {
  received: {
    accept: 'accepted',
    verify: null,
    ask: 'needs_info',
    suspend: null,
    resume: null,
    resolve: null,
    close: null,
    merge: 'closed',
  },
  accepted: {
    accept: null,
    verify: 'verifying',
    ask: 'needs_info',
    suspend: 'suspended',
    resume: null,
    resolve: 'resolved',
    close: null,
    merge: 'closed',
  },
  verifying: {
    accept: null,
    verify: null,
    ask: 'needs_info',
    suspend: 'suspended',
    resume: null,
    resolve: 'resolved',
    close: null,
    merge: 'closed',
  },
  needs_info: {
    accept: null,
    verify: null,
    ask: null,
    suspend: null,
    resume: null,
    resolve: null,
    close: null,
    merge: 'closed',
  },
  suspended: {
    accept: null,
    verify: null,
    ask: null,
    suspend: null,
    resume: 'verifying',
    resolve: null,
    close: null,
    merge: 'closed',
  },
  resolved: {
    accept: null,
    verify: null,
    ask: null,
    suspend: null,
    resume: null,
    resolve: null,
    close: 'closed',
    merge: null,
  },
  closed: {
    accept: null,
    verify: null,
    ask: null,
    suspend: null,
    resume: null,
    resolve: null,
    close: null,
    merge: null,
  },
};

describe('the handling lifecycle', () => {
  it.each(STATUSES.flatMap((s) => STATUS_ACTIONS.map((a) => [s, a] as const)))('%s --%s-->', (status, action) => {
    // A suspended report here had been suspended while verifying.
    expect(nextStatus(status, action, status === 'suspended' ? 'verifying' : null)).toBe(EXPECTED[status][action]);
  });

  it('lists the allowed moves the way a 409 names them', () => {
    expect(allowedActions('received')).toEqual(['accept', 'ask', 'merge']);
    expect(allowedActions('closed')).toEqual([]);
  });

  it('resumes a suspended report where it was', () => {
    expect(nextStatus('suspended', 'resume', 'accepted')).toBe('accepted');
  });
});
