import { afterEach, describe, expect, it, vi } from 'vitest';
import { incidentBody, type Client } from '../helpers/client.ts';
import { useServer } from '../helpers/suite.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const CHECKLIST = [
  'feedbackCollected',
  'qualityCriteriaReviewed',
  'actionsCompleted',
  'noCapacityIssues',
  'knownErrorsDocumented',
  'earlyLifeSupport',
  'documentationUpdated',
  'handedOver',
  'lessonsLearned',
  'summaryWritten',
  'changesClosedChecked',
];
const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

const assessment = (parties: string[], risk = 'medium') => ({
  risk,
  impactAnalysis: 'Both registries restart their link endpoint.',
  affectedServices: ['link'],
  affectedParties: parties,
  plannedStart: hours(48),
  plannedEnd: hours(50),
  implementationPlan: 'Deploy the fixed transaction validator.',
  rollbackPlan: 'Redeploy the previous build.',
});

describe.each(STORE_KINDS)('changes and releases across parties (%s)', (kind) => {
  const { as } = useServer(kind);
  const euAgent = as('eu.agent');
  const euChange = as('eu.change');
  const chChange = as('ch.change');
  const chAgent = as('ch.agent');
  const euManager = as('eu.manager');
  // Deploying happens inside the joint window: tests move this process's clock (the server's too) into it.
  afterEach(() => {
    vi.useRealTimers();
  });
  const moveClockTo = (iso: string, plusMinutes = 0) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(iso) + plusMinutes * 60_000);
  };

  async function approvedJointChange(problemRef?: string) {
    const origin = problemRef
      ? { kind: 'problem', ticket: problemRef }
      : { kind: 'maintenance', reference: 'yearly upgrade' };
    const created = await euChange.post('/changes', {
      title: 'Fix the validator',
      service: 'link',
      impact: 'I2',
      criticality: 'C2',
      kind: 'normal',
      origin,
    });
    expect(created.status).toBe(201);
    const ref: string = created.body.ref;
    expect((await euChange.post(`/tickets/${ref}/actions/assess`, assessment(['EU', 'CH']))).status).toBe(200);
    const submitted = await euChange.post(`/tickets/${ref}/actions/submit`, {});
    expect(submitted.body).toMatchObject({ status: 'in_review', participants: ['EU', 'CH'] });
    const reviewed = await chChange.post(`/tickets/${ref}/actions/review_assessment`, {
      agree: true,
      comment: 'Plan fine for CH',
    });
    expect(reviewed.body.status).toBe('awaiting_approval');
    expect(reviewed.body.details.approvalLevel).toBe(2);
    expect((await euChange.post(`/tickets/${ref}/actions/approve`, { note: 'EU CAB ok' })).body.status).toBe(
      'awaiting_approval',
    );
    const approved = await chChange.post(`/tickets/${ref}/actions/approve`, {});
    expect(approved.body.status).toBe('approved');
    return ref;
  }

  it('runs incident → problem → change approved by both CABs → release with a joint window, rollback, redeploy → problem closed', async () => {
    const incident = (await euAgent.post('/incidents', incidentBody())).body.ref;
    const problem = await euAgent.post('/problems', {
      title: 'Validator rejects valid transfers',
      service: 'link',
      impact: 'I2',
      incidents: [incident],
    });
    expect(problem.status).toBe(201);
    expect(problem.body).toMatchObject({
      type: 'problem',
      status: 'recorded',
      criticality: 'C3',
      details: { frequency: 1 },
    });
    const problemRef: string = problem.body.ref;
    // A problem closes only once its change has been applied.
    expect(
      (await euAgent.post(`/tickets/${problemRef}/actions/assign`, { groupId: problem.body.group.id })).status,
    ).toBe(200);
    const early = await euAgent.post(`/tickets/${problemRef}/actions/close`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('problem.change_not_applied');

    const change = await approvedJointChange(problemRef);
    const changeDetail = (await euChange.get(`/tickets/${change}`)).body;
    expect(changeDetail.details.approvals.map((a: { party: string; by: string }) => [a.party, a.by])).toEqual([
      ['EU', 'EU Change & Release Manager'],
      ['CH', 'CH Change & Release Manager'],
    ]);
    expect(changeDetail.details.origin).toMatchObject({ kind: 'problem', ticket: { ref: problemRef } });

    const release = await euChange.post('/releases', { title: 'Validator 2.1', service: 'link', changes: [change] });
    expect(release.status).toBe(201);
    const rel: string = release.body.ref;
    expect(release.body.details).toMatchObject({ affectedParties: ['EU', 'CH'], changes: [{ ref: change }] });
    const act = (who: Client, action: string, body: object = {}) => who.post(`/tickets/${rel}/actions/${action}`, body);

    expect((await act(euChange, 'start_build')).body.error.code).toBe('release.incomplete');
    expect(
      (
        await act(euChange, 'record_plan', {
          scope: 'validator',
          riskProfile: 'medium',
          affectedUsers: 'registry operators',
          responsibleTeam: 'EU ops',
          deploymentStrategy: 'big bang',
          resources: 'two engineers',
        })
      ).status,
    ).toBe(200);
    expect((await act(euChange, 'start_build')).body.status).toBe('build_test');
    const buildTest = {
      deliveryPlan: 'build 2.1',
      testPlan: 'regression suite',
      leadTimes: '2 days',
      delayHandling: 'postpone a week',
      successIndicators: ['no rejected valid transfer'],
    };
    await act(euChange, 'record_build_test', {
      ...buildTest,
      testCases: [{ name: 'valid transfer', expected: 'accepted', result: 'failed' }],
    });
    const notPassed = await act(euChange, 'prepare_deployment');
    expect(notPassed.status).toBe(409);
    expect(notPassed.body.error.field).toBe('testCases.0');
    await act(euChange, 'record_build_test', {
      ...buildTest,
      testCases: [{ name: 'valid transfer', expected: 'accepted', result: 'passed' }],
    });
    expect((await act(euChange, 'prepare_deployment')).body.status).toBe('deployment_preparation');
    const prepared = await act(euChange, 'record_deployment', {
      executionPlan: 'stop, deploy, start',
      rollbackApproach: 'redeploy 2.0',
      notifications: 'both desks one day ahead',
    });
    expect(prepared.body.details.approvals.map((a: { party: string }) => a.party)).toEqual(['EU', 'CH']);

    // A CH desk agent is not a release manager; the EU manager cannot approve for CH.
    expect((await act(chAgent, 'approve_deployment')).status).toBe(403);
    await act(euChange, 'approve_deployment');
    expect((await act(euChange, 'approve_deployment', { note: 'for CH too' })).status).toBe(403);
    expect((await act(chChange, 'approve_deployment')).body.status).toBe('approved');

    // Deploying needs the joint window accepted by CH.
    expect((await act(euChange, 'deploy')).body.error.code).toBe('release.window_required');
    const proposed = await act(euChange, 'propose_window', { startsAt: hours(2), endsAt: hours(4) });
    expect(proposed.body.details.window).toMatchObject({ status: 'proposed', proposedBy: 'EU' });
    expect((await act(euChange, 'accept_window')).status).toBe(403);
    const accepted = await act(chChange, 'accept_window');
    expect(accepted.body.details.window.status).toBe('accepted');
    const calendar = await chAgent.get(`/maintenance-windows?from=${hours(0)}&to=${hours(100)}`);
    expect(calendar.body.items).toContainEqual(
      expect.objectContaining({ joint: true, party: 'EU', partners: ['CH'], status: 'accepted', releaseRef: rel }),
    );

    // REL-2/REL-4: not before the accepted window starts.
    const beforeWindow = await act(euChange, 'deploy', { note: 'first attempt' });
    expect(beforeWindow.status).toBe(409);
    expect(beforeWindow.body.error.code).toBe('release.outside_window');
    moveClockTo(proposed.body.details.window.startsAt, 30);
    const deployed = await act(euChange, 'deploy', { note: 'first attempt' });
    expect(deployed.body.status).toBe('deployed');
    // Two REL-6 items ticked before the rollback: one verified that deployment, one stays true.
    await act(euChange, 'tick_checklist', { item: 'feedbackCollected' });
    await act(chChange, 'tick_checklist', { item: 'lessonsLearned' });
    expect((await euChange.get(`/tickets/${change}`)).body).toMatchObject({
      status: 'implemented',
      details: { releaseRef: rel },
    });

    const rolledBack = await act(euChange, 'rollback', {
      reason: 'acceptance criteria not met',
      restored: 'validator 2.0 and its configuration',
    });
    expect(rolledBack.body.status).toBe('rolled_back');
    expect(rolledBack.body.details.rollbacks[0]).toMatchObject({ restored: 'validator 2.0 and its configuration' });
    // REL-5: the item that verified the rolled-back deployment is un-ticked, with an event naming it.
    expect(Object.keys(rolledBack.body.details.checklist)).toEqual(['lessonsLearned']);
    expect(rolledBack.body.timeline.at(-1)).toMatchObject({
      kind: 'checklist_cleared',
      data: { items: ['feedbackCollected'], reason: 'rollback' },
    });
    expect((await euChange.get(`/tickets/${change}`)).body).toMatchObject({
      status: 'approved',
      details: { appliedAt: null },
    });
    // CH hears of the rollback.
    const chNotes = (await chChange.get('/notifications')).body.items.map((n: { kind: string }) => n.kind);
    expect(chNotes).toContain('release_rolled_back');
    expect((await euAgent.post(`/tickets/${problemRef}/actions/close`, {})).body.error.code).toBe(
      'problem.change_not_applied',
    );

    // The next deployment is agreed anew; the window that has started stays on the calendars
    // (clocks measured during it never change afterwards).
    expect(rolledBack.body.details.window).toBeNull();
    const afterRollback = await chAgent.get(`/maintenance-windows?from=${hours(-10)}&to=${hours(100)}`);
    expect(
      afterRollback.body.items.find((w: { id: string }) => w.id === accepted.body.details.window.id),
    ).toMatchObject({ status: 'accepted' });
    // Test results are final once deployment is being prepared.
    expect((await act(euChange, 'restart', { to: 'release' })).status).toBe(400);
    expect((await act(euChange, 'restart', { to: 'deployment_preparation' })).body.status).toBe(
      'deployment_preparation',
    );
    expect(
      (
        await act(euChange, 'record_build_test', {
          ...buildTest,
          testCases: [{ name: 'valid transfer', expected: 'accepted', result: 'failed' }],
        })
      ).status,
    ).toBe(409);
    await act(euChange, 'approve_deployment');
    await act(chChange, 'approve_deployment');
    expect((await act(euChange, 'deploy', { note: 'second attempt' })).body.error.code).toBe('release.window_required');
    const second = await act(chChange, 'propose_window', { startsAt: hours(2), endsAt: hours(4) });
    await act(euChange, 'accept_window');
    moveClockTo(second.body.details.window.startsAt, 1);
    const redeployed = await act(euChange, 'deploy', { note: 'second attempt' });
    expect(redeployed.body.status).toBe('deployed');
    // The restarted release keeps only what the rollback left ticked.
    expect(Object.keys(redeployed.body.details.checklist)).toEqual(['lessonsLearned']);

    for (const item of CHECKLIST.slice(0, -1).filter((i) => i !== 'lessonsLearned'))
      expect((await act(item.length % 2 ? chChange : euChange, 'tick_checklist', { item })).status).toBe(200);
    const open = await act(euChange, 'close');
    expect(open.status).toBe(409);
    expect(open.body.error).toMatchObject({
      code: 'release.checklist_incomplete',
      field: 'checklist.changesClosedChecked',
    });
    await act(euChange, 'tick_checklist', { item: 'changesClosedChecked' });
    expect((await act(chChange, 'close')).status).toBe(403);
    const closed = await act(euChange, 'close', { note: 'done' });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.details.checklist.handedOver).toMatchObject({ by: expect.any(String), at: expect.any(String) });

    const problemClosed = await euAgent.post(`/tickets/${problemRef}/actions/close`, {});
    expect(problemClosed.status).toBe(200);
    expect(problemClosed.body.status).toBe('closed');

    // Post-implementation review, then the change closes.
    expect(
      (
        await euChange.post(`/tickets/${change}/actions/review_implementation`, {
          outcome: 'successful',
          notes: 'no rejection since',
        })
      ).body.status,
    ).toBe('reviewed');
    expect((await euChange.post(`/tickets/${change}/actions/close`, {})).body.status).toBe('closed');
    // What the CAB approved cannot be rewritten afterwards.
    expect(
      (
        await euChange.patch(`/tickets/${change}`, {
          version: (await euChange.get(`/tickets/${change}`)).body.version,
          title: 'Something else',
        })
      ).status,
    ).toBe(409);
  });

  it('refuses to bundle an unapproved change and to approve for a party one does not belong to', async () => {
    const created = await euChange.post('/changes', {
      title: 'Unapproved',
      service: 'link',
      impact: 'I3',
      criticality: 'C3',
      kind: 'normal',
      origin: { kind: 'legislation', reference: 'Regulation 2026/1' },
    });
    const ref = created.body.ref;
    const release = await euChange.post('/releases', { title: 'Too early', service: 'link', changes: [ref] });
    expect(release.status).toBe(409);
    expect(release.body.error).toMatchObject({ code: 'change.not_approved', field: 'changes.0' });
    // Nothing was written: no release exists.
    expect((await euChange.get('/tickets?type=release&q=Too')).body.items).toHaveLength(0);

    expect((await euChange.post(`/tickets/${ref}/actions/submit`, {})).body.error.code).toBe(
      'change.assessment_required',
    );
    await euChange.post(`/tickets/${ref}/actions/assess`, assessment(['EU', 'CH']));
    await euChange.post(`/tickets/${ref}/actions/submit`, {});
    // EU's own CAB may not review the assessment in CH's place, nor approve yet.
    expect(
      (await euChange.post(`/tickets/${ref}/actions/review_assessment`, { agree: true, comment: 'self' })).status,
    ).toBe(403);
    const disagreed = await chChange.post(`/tickets/${ref}/actions/review_assessment`, {
      agree: false,
      comment: 'Rollback plan too vague',
    });
    expect(disagreed.body.status).toBe('assessed');
    await euChange.post(`/tickets/${ref}/actions/submit`, {});
    await chChange.post(`/tickets/${ref}/actions/review_assessment`, { agree: true, comment: 'ok now' });
    await euChange.post(`/tickets/${ref}/actions/approve`, {});
    // The EU change manager cannot approve a second time for CH; a CH desk agent is no CAB member.
    expect((await euChange.post(`/tickets/${ref}/actions/approve`, { note: 'for CH too' })).status).toBe(403);
    expect((await chAgent.post(`/tickets/${ref}/actions/approve`, {})).status).toBe(403);
    // Once submitted, the change's content is frozen.
    expect(
      (
        await euChange.patch(`/tickets/${ref}`, {
          version: (await euChange.get(`/tickets/${ref}`)).body.version,
          description: 'drop all tables',
        })
      ).status,
    ).toBe(409);
    const rejected = await chChange.post(`/tickets/${ref}/actions/reject`, { reason: 'Not before the freeze ends' });
    expect(rejected.body.status).toBe('rejected');
    expect(
      (await euChange.post('/releases', { title: 'Still no', service: 'link', changes: [ref] })).body.error.code,
    ).toBe('change.not_approved');
  });

  it('pre-approves standard changes, sends high-risk ones to level managers, and lets emergencies skip the review', async () => {
    const standard = await euChange.post('/changes', {
      title: 'Patch',
      service: 'link',
      impact: 'I3',
      criticality: 'C3',
      kind: 'standard',
      standardChange: 'os_patching',
      origin: { kind: 'maintenance' },
    });
    expect(standard.status).toBe(201);
    expect(standard.body).toMatchObject({
      status: 'approved',
      details: { standardChange: 'os_patching', assessment: { risk: 'low' } },
    });
    expect(standard.body.timeline.map((e: { kind: string }) => e.kind)).toContain('pre_approved');
    const unknown = await euChange.post('/changes', {
      title: 'Patch',
      service: 'link',
      impact: 'I3',
      criticality: 'C3',
      kind: 'standard',
      standardChange: 'nope',
      origin: { kind: 'maintenance' },
    });
    expect(unknown.body.error.field).toBe('standardChange');

    const high = (
      await euChange.post('/changes', {
        title: 'Schema migration',
        service: 'link',
        impact: 'I1',
        criticality: 'C1',
        kind: 'normal',
        origin: { kind: 'maintenance' },
      })
    ).body.ref;
    await euChange.post(`/tickets/${high}/actions/assess`, assessment(['EU'], 'high'));
    const submitted = await euChange.post(`/tickets/${high}/actions/submit`, {});
    expect(submitted.body).toMatchObject({ status: 'awaiting_approval', details: { approvalLevel: 3 } });
    const tooLow = await euChange.post(`/tickets/${high}/actions/approve`, {});
    expect(tooLow.status).toBe(403);
    expect(tooLow.body.error.code).toBe('change.approver_level');
    expect((await euManager.post(`/tickets/${high}/actions/approve`, {})).body.status).toBe('approved');

    const emergency = (
      await euChange.post('/changes', {
        title: 'Hotfix',
        service: 'link',
        impact: 'I1',
        criticality: 'C1',
        kind: 'emergency',
        origin: { kind: 'maintenance' },
      })
    ).body.ref;
    const fast = await euChange.post(`/tickets/${emergency}/actions/submit`, {});
    expect(fast.body).toMatchObject({ status: 'awaiting_approval', details: { approvalLevel: 2 } });
    expect((await euChange.post(`/tickets/${emergency}/actions/approve`, { note: 'ECAB by phone' })).body.status).toBe(
      'approved',
    );
  });

  /** A release of these changes, built, tested and approved, with its joint window accepted. */
  async function readyRelease(changes: string[]) {
    const release = await euChange.post('/releases', { title: 'Validator 2.2', service: 'link', changes });
    expect(release.status).toBe(201);
    const rel: string = release.body.ref;
    const act = (who: Client, action: string, body: object = {}) => who.post(`/tickets/${rel}/actions/${action}`, body);
    await act(euChange, 'record_plan', {
      scope: 'validator',
      riskProfile: 'low',
      affectedUsers: 'operators',
      responsibleTeam: 'EU ops',
      deploymentStrategy: 'big bang',
      resources: 'one engineer',
    });
    await act(euChange, 'start_build');
    await act(euChange, 'record_build_test', {
      deliveryPlan: 'build',
      testPlan: 'suite',
      leadTimes: '1 day',
      delayHandling: 'postpone',
      successIndicators: ['green'],
      testCases: [{ name: 'transfer', expected: 'accepted', result: 'passed' }],
    });
    await act(euChange, 'prepare_deployment');
    await act(euChange, 'record_deployment', {
      executionPlan: 'deploy',
      rollbackApproach: 'redeploy',
      notifications: 'desks',
    });
    await act(euChange, 'approve_deployment');
    expect((await act(chChange, 'approve_deployment')).body.status).toBe('approved');
    const window = (await act(euChange, 'propose_window', { startsAt: hours(2), endsAt: hours(4) })).body.details
      .window;
    expect((await act(chChange, 'accept_window')).body.details.window.status).toBe('accepted');
    return { rel, act, window: window as { startsAt: string; endsAt: string } };
  }

  it('refuses to deploy once the joint window has ended, except an emergency change with its reason recorded (REL-2, REL-4)', async () => {
    const normal = await readyRelease([await approvedJointChange()]);
    moveClockTo(normal.window.endsAt, 1);
    const late = await normal.act(euChange, 'deploy', {});
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'release.outside_window' });
    expect(late.body.error.field).toBeUndefined();
    // An emergency reason does not open the window for a normal change.
    expect((await normal.act(euChange, 'deploy', { emergencyReason: 'hurry' })).body.error.code).toBe(
      'release.outside_window',
    );
    vi.useRealTimers();

    const created = await euChange.post('/changes', {
      title: 'Hotfix the validator',
      service: 'link',
      impact: 'I1',
      criticality: 'C1',
      kind: 'emergency',
      origin: { kind: 'maintenance' },
    });
    const hotfix: string = created.body.ref;
    await euChange.post(`/tickets/${hotfix}/actions/assess`, assessment(['EU', 'CH']));
    await euChange.post(`/tickets/${hotfix}/actions/submit`, {});
    await euChange.post(`/tickets/${hotfix}/actions/approve`, {});
    expect((await chChange.post(`/tickets/${hotfix}/actions/approve`, {})).body.status).toBe('approved');
    const urgent = await readyRelease([hotfix]);
    const unexplained = await urgent.act(euChange, 'deploy', {});
    expect(unexplained.status).toBe(409);
    expect(unexplained.body.error).toMatchObject({ code: 'release.outside_window', field: 'emergencyReason' });
    const deployed = await urgent.act(euChange, 'deploy', { emergencyReason: 'Transfers blocked since 06:00' });
    expect(deployed.body.status).toBe('deployed');
    expect(deployed.body.details.deployments.at(-1)).toMatchObject({
      emergencyReason: 'Transfers blocked since 06:00',
    });
    expect(deployed.body.timeline.find((e: { kind: string }) => e.kind === 'deployed').data).toMatchObject({
      emergencyReason: 'Transfers blocked since 06:00',
    });
  });

  it('records a rollback on the closed problem its change resolved and tells the problem’s owner; the problem stays closed', async () => {
    const incident = (await euAgent.post('/incidents', incidentBody())).body.ref;
    const problem = await euAgent.post('/problems', {
      title: 'Validator drops transfers',
      service: 'link',
      impact: 'I2',
      incidents: [incident],
    });
    const problemRef: string = problem.body.ref;
    await euAgent.post(`/tickets/${problemRef}/actions/assign`, { groupId: problem.body.group.id });
    const change = await approvedJointChange(problemRef);
    const { act, window } = await readyRelease([change]);
    moveClockTo(window.startsAt, 10);
    expect((await act(euChange, 'deploy')).body.status).toBe('deployed');
    expect((await euAgent.post(`/tickets/${problemRef}/actions/close`, {})).body.status).toBe('closed');

    const rolledBack = await act(euChange, 'rollback', { reason: 'Slower than before', restored: 'validator 2.1' });
    expect(rolledBack.status).toBe(200);
    const after = (await euAgent.get(`/tickets/${problemRef}`)).body;
    expect(after.status).toBe('closed');
    expect(after.timeline.at(-1)).toMatchObject({
      kind: 'change_rolled_back',
      data: { changeRef: change, reason: 'Slower than before' },
    });
    const euNotes = (await euAgent.get('/notifications')).body.items.map(
      (n: { kind: string; ticketRef: string }) => `${n.kind}:${n.ticketRef}`,
    );
    expect(euNotes).toContain(`problem_change_rolled_back:${problemRef}`);
    // The other party never joined the problem: it is neither told nor shown.
    const chNotes = (await chAgent.get('/notifications')).body.items.map((n: { ticketRef: string }) => n.ticketRef);
    expect(chNotes).not.toContain(problemRef);
    expect((await chAgent.get(`/tickets/${problemRef}`)).status).toBe(404);
  });

  it('records a disagreement between the desks and its decision one level up', async () => {
    const ref = await approvedJointChange();
    const recorded = await chAgent.post(`/tickets/${ref}/actions/record_disagreement`, {
      reason: 'CH wants the change after the holidays',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ escalationLevel: 2, disagreement: { openedByParty: 'CH', level: 2 } });
    expect(
      (await euAgent.post(`/tickets/${ref}/actions/record_disagreement`, { reason: 'again' })).body.error.code,
    ).toBe('ticket.disagreement_open');
    expect((await euAgent.post(`/tickets/${ref}/actions/decide_disagreement`, { decision: 'mine' })).status).toBe(403);
    const decided = await euManager.post(`/tickets/${ref}/actions/decide_disagreement`, {
      decision: 'Deploy on 12 January',
    });
    expect(decided.body.disagreement).toMatchObject({
      decision: 'Deploy on 12 January',
      decidedBy: 'EU Level Manager',
    });
    expect(decided.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['disagreement_recorded', 'disagreement_decided']),
    );
  });
});
