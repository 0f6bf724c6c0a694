import { describe, expect, it } from 'vitest';

import {
  ANSWERS,
  MATCH_STAGES,
  ONCE,
  PIPELINE_STEPS,
  REQUIRES,
  isDeclined,
  nextSteps,
  refuseStep,
  stageOf,
  type Answer,
  type MatchStage,
  type MatchState,
  type PipelineStep,
  type RecordedStep,
  type StepRefusal,
} from './match-pipeline';

const TODAY = '2006-04-03';

/** One date per step, in order, all before TODAY. */
const ON: Readonly<Record<PipelineStep, string>> = {
  introduction: '2005-04-11',
  meeting: '2005-05-09',
  confidentiality_agreement: '2005-06-01',
  joint_research: '2005-07-01',
  patent: '2005-09-15',
  product: '2006-01-20',
  sales: '2006-03-31',
};

function rec(step: PipelineStep, occurredOn: string = ON[step]): RecordedStep {
  return { step, occurredOn };
}

function match(overrides: Partial<MatchState> = {}): MatchState {
  return { seedAnswer: 'interested', needAnswer: 'interested', closed: false, steps: [], ...overrides };
}

/** Every step up to and including `last`, each on its date in ON. */
function historyThrough(last: PipelineStep | null): RecordedStep[] {
  if (last === null) return [];
  return PIPELINE_STEPS.slice(0, PIPELINE_STEPS.indexOf(last) + 1).map((s) => rec(s));
}

const FULL_HISTORY = historyThrough('sales');
/** The header's rule: "meetings, patents, products and sales may repeat"; every other step happens once. */
const REPEATABLE: PipelineStep[] = ['meeting', 'patent', 'product', 'sales'];
const ONCE_BY_RULE: PipelineStep[] = PIPELINE_STEPS.filter((s) => !REPEATABLE.includes(s));

const ANSWER_PAIRS = ANSWERS.flatMap((seedAnswer) =>
  ANSWERS.map((needAnswer) => [seedAnswer, needAnswer] as [Answer, Answer]),
);

describe('constants', () => {
  it('lists the board columns: proposed, every step in order, then declined and closed', () => {
    expect(MATCH_STAGES).toEqual(['proposed', ...PIPELINE_STEPS, 'declined', 'closed']);
  });

  it.each(PIPELINE_STEPS.map((s) => [s, REQUIRES[s]] as const))(
    '%s requires %s, an earlier step (or nothing)',
    (step, requires) => {
      if (requires === null) expect(step).toBe('introduction');
      else expect(PIPELINE_STEPS.indexOf(requires)).toBeLessThan(PIPELINE_STEPS.indexOf(step));
    },
  );

  it.each(REPEATABLE.map((s) => [s] as const))('lets %s repeat', (step) => {
    expect(ONCE.has(step)).toBe(false);
  });

  it.each(ONCE_BY_RULE.map((s) => [s] as const))('makes %s once-only', (step) => {
    expect(ONCE.has(step)).toBe(true);
  });
});

describe('isDeclined', () => {
  it.each(ANSWER_PAIRS.map(([s, n]) => [s, n, s === 'declined' || n === 'declined'] as const))(
    'seed %s × need %s → %s',
    (seedAnswer, needAnswer, expected) => {
      expect(isDeclined({ seedAnswer, needAnswer })).toBe(expected);
    },
  );
});

describe('refuseStep', () => {
  describe('answers × closed × step (full history, dated today)', () => {
    /** With the whole history recorded, what a both-interested open match says for a step dated today. */
    const OPEN: Readonly<Record<PipelineStep, StepRefusal | null>> = {
      introduction: { reason: 'already_recorded' },
      meeting: null,
      confidentiality_agreement: { reason: 'already_recorded' },
      joint_research: { reason: 'already_recorded' },
      patent: null,
      product: null,
      sales: null,
    };
    const rows = ANSWER_PAIRS.flatMap(([seedAnswer, needAnswer]) =>
      [false, true].flatMap((closed) =>
        PIPELINE_STEPS.map((step) => {
          const expected: StepRefusal | null =
            seedAnswer === 'declined' || needAnswer === 'declined'
              ? { reason: 'declined' }
              : closed
                ? { reason: 'closed' }
                : seedAnswer !== 'interested' || needAnswer !== 'interested'
                  ? { reason: 'awaiting_answers' }
                  : OPEN[step];
          return [seedAnswer, needAnswer, closed, step, expected] as const;
        }),
      ),
    );
    it.each(rows)(
      'seed %s, need %s, closed %s: %s → %o',
      (seedAnswer, needAnswer, closed, step, expected) => {
        const state = match({ seedAnswer, needAnswer, closed, steps: FULL_HISTORY });
        expect(refuseStep(state, step, TODAY, TODAY)).toEqual(expected);
      },
    );
  });

  describe('with no steps yet', () => {
    const rows = ANSWER_PAIRS.flatMap(([seedAnswer, needAnswer]) =>
      [false, true].flatMap((closed) =>
        PIPELINE_STEPS.map((step) => {
          const requires = REQUIRES[step];
          const expected: StepRefusal | null =
            seedAnswer === 'declined' || needAnswer === 'declined'
              ? { reason: 'declined' }
              : closed
                ? { reason: 'closed' }
                : seedAnswer !== 'interested' || needAnswer !== 'interested'
                  ? { reason: 'awaiting_answers' }
                  : requires === null
                    ? null
                    : { reason: 'missing_prerequisite', requires };
          return [seedAnswer, needAnswer, closed, step, expected] as const;
        }),
      ),
    );
    it.each(rows)(
      'seed %s, need %s, closed %s: %s → %o',
      (seedAnswer, needAnswer, closed, step, expected) => {
        const state = match({ seedAnswer, needAnswer, closed });
        expect(refuseStep(state, step, TODAY, TODAY)).toEqual(expected);
      },
    );
  });

  describe('declined on either side, whatever else holds', () => {
    const declinedPairs: [Answer, Answer][] = [
      ['declined', 'pending'],
      ['declined', 'interested'],
      ['declined', 'declined'],
      ['pending', 'declined'],
      ['interested', 'declined'],
    ];
    it.each(declinedPairs.flatMap(([s, n]) => PIPELINE_STEPS.map((step) => [s, n, step] as const)))(
      'seed %s, need %s: %s is refused as declined even closed and dated in the future',
      (s, n, step) => {
        const state = match({ seedAnswer: s, needAnswer: n, closed: true, steps: [] });
        expect(refuseStep(state, step, '2099-01-01', TODAY)).toEqual({ reason: 'declined' });
      },
    );
  });

  describe('missing prerequisite for each step', () => {
    it.each([
      // step, recorded steps (the prerequisite left out), the prerequisite reported
      ['meeting', [], 'introduction'],
      ['confidentiality_agreement', ['introduction'], 'meeting'],
      ['joint_research', ['introduction', 'meeting'], 'confidentiality_agreement'],
      ['patent', ['introduction', 'meeting', 'confidentiality_agreement'], 'joint_research'],
      ['product', ['introduction', 'meeting', 'confidentiality_agreement'], 'joint_research'],
      ['product', ['introduction', 'meeting', 'confidentiality_agreement', 'patent'], 'joint_research'],
      ['sales', ['introduction', 'meeting', 'confidentiality_agreement', 'joint_research'], 'product'],
      [
        'sales',
        ['introduction', 'meeting', 'confidentiality_agreement', 'joint_research', 'patent'],
        'product',
      ],
      // a later step recorded does not stand in for the one required
      ['meeting', ['confidentiality_agreement', 'joint_research'], 'introduction'],
    ] as [PipelineStep, PipelineStep[], PipelineStep][])(
      '%s with %j recorded needs %s',
      (step, recorded, requires) => {
        const state = match({ steps: recorded.map((s) => rec(s)) });
        expect(refuseStep(state, step, TODAY, TODAY)).toEqual({ reason: 'missing_prerequisite', requires });
      },
    );

    it.each([
      ['introduction', []],
      ['meeting', ['introduction']],
      ['confidentiality_agreement', ['introduction', 'meeting']],
      ['joint_research', ['introduction', 'meeting', 'confidentiality_agreement']],
      ['patent', ['introduction', 'meeting', 'confidentiality_agreement', 'joint_research']],
      // a product needs joint research, not a patent
      ['product', ['introduction', 'meeting', 'confidentiality_agreement', 'joint_research']],
      ['sales', ['introduction', 'meeting', 'confidentiality_agreement', 'joint_research', 'product']],
    ] as [PipelineStep, PipelineStep[]][])('%s is allowed once %j are recorded', (step, recorded) => {
      const state = match({ steps: recorded.map((s) => rec(s)) });
      expect(refuseStep(state, step, TODAY, TODAY)).toBeNull();
    });
  });

  describe('once-only steps recorded twice', () => {
    const twice = ONCE_BY_RULE.flatMap((step) => [
      [step, 'on the same day', ON[step]] as const,
      [step, 'later', TODAY] as const,
      [step, 'earlier than the first', '2005-01-04'] as const,
    ]);
    it.each(twice)('%s again %s is already recorded', (step, _when, date) => {
      const state = match({ steps: FULL_HISTORY });
      expect(refuseStep(state, step, date, TODAY)).toEqual({ reason: 'already_recorded' });
    });

    it('refuses a second confidentiality agreement even when its prerequisite is missing', () => {
      const state = match({ steps: [rec('confidentiality_agreement')] });
      expect(refuseStep(state, 'confidentiality_agreement', TODAY, TODAY)).toEqual({
        reason: 'already_recorded',
      });
    });
  });

  describe('repeatable steps recorded again', () => {
    it.each(
      REPEATABLE.flatMap(
        (step) =>
          [
            [step, 1],
            [step, 2],
            [step, 5],
          ] as const,
      ),
    )('records another %s after %s already recorded', (step, times) => {
      const extra = Array.from({ length: times - 1 }, () => rec(step));
      const state = match({ steps: [...FULL_HISTORY, ...extra] });
      expect(refuseStep(state, step, TODAY, TODAY)).toBeNull();
    });

    it.each(REPEATABLE.map((s) => [s] as const))(
      'records another %s on the same day as the first',
      (step) => {
        const state = match({ steps: historyThrough(step) });
        expect(refuseStep(state, step, ON[step], TODAY)).toBeNull();
      },
    );
  });

  describe('the date against the prerequisite', () => {
    const rows: [PipelineStep, PipelineStep, string][] = [
      ['meeting', 'introduction', '2005-04-10'],
      ['confidentiality_agreement', 'meeting', '2005-05-08'],
      ['joint_research', 'confidentiality_agreement', '2005-05-31'],
      ['patent', 'joint_research', '2005-06-30'],
      ['product', 'joint_research', '2005-06-30'],
      ['sales', 'product', '2006-01-19'],
    ];

    it.each(rows)('%s dated the day before its %s (%s) is refused', (step, requires, dayBefore) => {
      const state = match({ steps: historyThrough(requires) });
      expect(refuseStep(state, step, dayBefore, TODAY)).toEqual({
        reason: 'before_prerequisite',
        requires,
        earliest: ON[requires],
      });
    });

    it.each(rows)('%s dated a year before its %s is refused', (step, requires) => {
      const state = match({ steps: historyThrough(requires) });
      expect(refuseStep(state, step, '2004-04-01', TODAY)).toEqual({
        reason: 'before_prerequisite',
        requires,
        earliest: ON[requires],
      });
    });

    it.each(rows)('%s dated the same day as its %s is allowed', (step, requires) => {
      const state = match({ steps: historyThrough(requires) });
      expect(refuseStep(state, step, ON[requires], TODAY)).toBeNull();
    });

    it.each(rows)('%s dated after its %s is allowed', (step, requires) => {
      const state = match({ steps: historyThrough(requires) });
      expect(refuseStep(state, step, TODAY, TODAY)).toBeNull();
    });

    it('allows a product before a patent (the product follows joint research, not the patent)', () => {
      const state = match({ steps: historyThrough('patent') });
      expect(refuseStep(state, 'product', ON.joint_research, TODAY)).toBeNull();
    });

    it('allows a second meeting dated before the confidentiality agreement already recorded', () => {
      const state = match({ steps: historyThrough('joint_research') });
      expect(refuseStep(state, 'meeting', '2005-04-20', TODAY)).toBeNull();
    });

    describe('with the prerequisite recorded several times, the earliest counts', () => {
      // meetings recorded out of order
      const steps = [
        rec('introduction', '2005-04-01'),
        rec('meeting', '2005-05-10'),
        rec('meeting', '2005-04-20'),
      ];
      it.each([
        ['2005-04-19', { reason: 'before_prerequisite', requires: 'meeting', earliest: '2005-04-20' }],
        ['2005-04-20', null],
        ['2005-04-25', null],
        ['2005-05-10', null],
      ] as [string, StepRefusal | null][])('a confidentiality agreement on %s → %o', (date, expected) => {
        expect(refuseStep(match({ steps }), 'confidentiality_agreement', date, TODAY)).toEqual(expected);
      });

      it.each([
        ['2005-12-31', { reason: 'before_prerequisite', requires: 'product', earliest: '2006-01-01' }],
        ['2006-01-01', null],
        ['2006-02-01', null],
      ] as [string, StepRefusal | null][])(
        'a sale on %s after products on 2006-03-01 and 2006-01-01 → %o',
        (date, expected) => {
          const state = match({
            steps: [
              ...historyThrough('joint_research'),
              rec('product', '2006-03-01'),
              rec('product', '2006-01-01'),
            ],
          });
          expect(refuseStep(state, 'sales', date, TODAY)).toEqual(expected);
        },
      );
    });
  });

  describe('the date against today', () => {
    it.each(
      PIPELINE_STEPS.flatMap((step) => [
        [step, TODAY, TODAY, null],
        [step, '2006-04-04', TODAY, { reason: 'in_future', today: TODAY }],
        [step, '2007-04-03', TODAY, { reason: 'in_future', today: TODAY }],
        [step, '2007-01-01', '2006-12-31', { reason: 'in_future', today: '2006-12-31' }],
        [step, '2006-12-31', '2007-01-01', null],
      ]),
    )('%s dated %s with today %s → %o', (step, date, today, expected) => {
      const state = match({ steps: historyThrough(REQUIRES[step]) });
      expect(refuseStep(state, step, date, today)).toEqual(expected);
    });
  });

  describe('which refusal comes first', () => {
    it.each([
      [
        'declined before closed',
        match({ seedAnswer: 'declined', closed: true }),
        'introduction',
        TODAY,
        'declined',
      ],
      [
        'closed before awaiting answers',
        match({ needAnswer: 'pending', closed: true }),
        'introduction',
        TODAY,
        'closed',
      ],
      [
        'awaiting answers before in the future',
        match({ seedAnswer: 'pending' }),
        'introduction',
        '2099-01-01',
        'awaiting_answers',
      ],
      [
        'in the future before already recorded',
        match({ steps: FULL_HISTORY }),
        'introduction',
        '2099-01-01',
        'in_future',
      ],
      ['in the future before a missing prerequisite', match(), 'sales', '2099-01-01', 'in_future'],
      [
        'already recorded before a missing prerequisite',
        match({ steps: [rec('confidentiality_agreement')] }),
        'confidentiality_agreement',
        TODAY,
        'already_recorded',
      ],
    ] as [string, MatchState, PipelineStep, string, StepRefusal['reason']][])(
      '%s',
      (_name, state, step, date, reason) => {
        expect(refuseStep(state, step, date, TODAY)?.reason).toBe(reason);
      },
    );
  });
});

describe('stageOf', () => {
  describe('the furthest step recorded', () => {
    it.each([[null, 'proposed'], ...PIPELINE_STEPS.map((s) => [s, s] as const)] as [
      PipelineStep | null,
      MatchStage,
    ][])('with every step through %s → %s', (last, expected) => {
      expect(stageOf(match({ steps: historyThrough(last) }))).toBe(expected);
    });

    it.each([
      [
        'steps recorded out of order',
        [rec('joint_research'), rec('introduction'), rec('meeting')],
        'joint_research',
      ],
      ['a product without a patent', [...historyThrough('joint_research'), rec('product')], 'product'],
      [
        'a patent after a product',
        [...historyThrough('joint_research'), rec('product'), rec('patent', TODAY)],
        'product',
      ],
      ['many meetings', [rec('introduction'), rec('meeting'), rec('meeting'), rec('meeting')], 'meeting'],
      ['a lone later step (no prerequisite)', [rec('sales')], 'sales'],
    ] as [string, RecordedStep[], MatchStage][])('%s → %s', (_name, steps, expected) => {
      expect(stageOf(match({ steps }))).toBe(expected);
    });
  });

  describe('answers × closed × history', () => {
    const histories: [string, RecordedStep[], MatchStage][] = [
      ['none', [], 'proposed'],
      ['through meeting', historyThrough('meeting'), 'meeting'],
      ['through sales', FULL_HISTORY, 'sales'],
    ];
    const rows = ANSWER_PAIRS.flatMap(([seedAnswer, needAnswer]) =>
      [false, true].flatMap((closed) =>
        histories.map(([name, steps, furthest]) => {
          const expected: MatchStage =
            seedAnswer === 'declined' || needAnswer === 'declined'
              ? 'declined'
              : closed
                ? 'closed'
                : furthest;
          return [seedAnswer, needAnswer, closed, name, steps, expected] as const;
        }),
      ),
    );
    it.each(rows)(
      'seed %s, need %s, closed %s, steps %s → %s',
      (seedAnswer, needAnswer, closed, _name, steps, expected) => {
        expect(stageOf(match({ seedAnswer, needAnswer, closed, steps }))).toBe(expected);
      },
    );
  });
});

describe('nextSteps', () => {
  it.each([
    [null, ['introduction']],
    ['introduction', ['meeting']],
    ['meeting', ['meeting', 'confidentiality_agreement']],
    ['confidentiality_agreement', ['meeting', 'joint_research']],
  ] as [PipelineStep | null, PipelineStep[]][])('with every step through %s → %j', (last, expected) => {
    expect(nextSteps(match({ steps: historyThrough(last) }), TODAY)).toEqual(expected);
  });

  it.each([
    ['joint_research', ['meeting', 'patent', 'product']],
    ['patent', ['meeting', 'patent', 'product']],
    ['product', ['meeting', 'patent', 'product', 'sales']],
    ['sales', ['meeting', 'patent', 'product', 'sales']],
  ] as [PipelineStep, PipelineStep[]][])('with every step through %s → %j', (last, expected) => {
    expect(nextSteps(match({ steps: historyThrough(last) }), TODAY)).toEqual(expected);
  });

  it('offers a product without a patent', () => {
    const steps = [...historyThrough('joint_research'), rec('product')];
    expect(nextSteps(match({ steps }), TODAY)).toEqual(['meeting', 'patent', 'product', 'sales']);
  });

  it.each(
    ANSWER_PAIRS.filter(([s, n]) => !(s === 'interested' && n === 'interested')).flatMap(
      ([seedAnswer, needAnswer]) => [false, true].map((closed) => [seedAnswer, needAnswer, closed] as const),
    ),
  )('offers nothing when seed %s, need %s, closed %s', (seedAnswer, needAnswer, closed) => {
    expect(
      nextSteps(match({ seedAnswer, needAnswer, closed, steps: historyThrough('meeting') }), TODAY),
    ).toEqual([]);
  });

  it('offers nothing on a closed match with both sides interested', () => {
    expect(nextSteps(match({ closed: true, steps: historyThrough('product') }), TODAY)).toEqual([]);
  });

  it('offers nothing when the only introduction is dated after today', () => {
    expect(nextSteps(match({ steps: [rec('introduction', '2006-04-04')] }), TODAY)).toEqual([]);
  });

  it('offers the next step when its prerequisite is dated today', () => {
    expect(nextSteps(match({ steps: [rec('introduction', TODAY)] }), TODAY)).toEqual(['meeting']);
  });

  it('agrees with refuseStep for every step', () => {
    for (const last of [null, ...PIPELINE_STEPS]) {
      const state = match({ steps: historyThrough(last) });
      expect(nextSteps(state, TODAY)).toEqual(
        PIPELINE_STEPS.filter((step) => refuseStep(state, step, TODAY, TODAY) === null),
      );
    }
  });
});
