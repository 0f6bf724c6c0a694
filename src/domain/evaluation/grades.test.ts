import { describe, expect, it } from 'vitest';

import {
  DEFAULT_GRADE_SCALE,
  DEFAULT_GRADE_STEPS,
  defineGradeScale,
  gradeScaleIssues,
  type GradeStep,
  isGradeOf,
  pointsOf,
} from './grades';
import { refusal } from './test-support';

describe('defineGradeScale', () => {
  it('defaults to the seed grades S=4, A=3, B=2, C=1', () => {
    expect(DEFAULT_GRADE_SCALE.steps).toEqual([
      { grade: 'S', points: 4 },
      { grade: 'A', points: 3 },
      { grade: 'B', points: 2 },
      { grade: 'C', points: 1 },
    ]);
    expect(DEFAULT_GRADE_SCALE.maxPoints).toBe(4);
    expect(DEFAULT_GRADE_SCALE.minPoints).toBe(1);
    expect(defineGradeScale().steps).toEqual(DEFAULT_GRADE_STEPS);
  });

  it.each([
    {
      name: 'two grades',
      steps: [
        { grade: 'Pass', points: 1 },
        { grade: 'Fail', points: 0 },
      ],
      max: 1,
      min: 0,
    },
    {
      name: 'uneven, negative and fractional points',
      steps: [
        { grade: 'S', points: 5 },
        { grade: 'A', points: 3.5 },
        { grade: 'B', points: 0 },
        { grade: 'C', points: -1 },
      ],
      max: 5,
      min: -1,
    },
    {
      name: 'Japanese labels',
      steps: [
        { grade: '優', points: 3 },
        { grade: '良', points: 2 },
        { grade: '可', points: 1 },
      ],
      max: 3,
      min: 1,
    },
  ])('accepts $name', ({ steps, max, min }) => {
    const scale = defineGradeScale(steps);
    expect(scale.maxPoints).toBe(max);
    expect(scale.minPoints).toBe(min);
    expect(scale.steps).toEqual(steps);
  });

  it('copies the steps, so a later edit of the input does not change the scale', () => {
    const steps = [
      { grade: 'S', points: 4 },
      { grade: 'C', points: 1 },
    ];
    const scale = defineGradeScale(steps);
    steps[0]!.points = 99;
    expect(scale.maxPoints).toBe(4);
    expect(pointsOf(scale, 'S')).toBe(4);
  });

  it.each<{ name: string; steps: unknown; fields: string[] }>([
    { name: 'no grades', steps: [], fields: ['scale'] },
    { name: 'one grade', steps: [{ grade: 'S', points: 4 }], fields: ['scale'] },
    { name: 'not a list', steps: { S: 4 }, fields: ['scale'] },
    {
      name: 'a repeated label',
      steps: [
        { grade: 'S', points: 4 },
        { grade: 'A', points: 3 },
        { grade: 'S', points: 2 },
      ],
      fields: ['scale.2.grade'],
    },
    {
      name: 'equal points',
      steps: [
        { grade: 'S', points: 4 },
        { grade: 'A', points: 4 },
      ],
      fields: ['scale.1.points'],
    },
    {
      name: 'increasing points (worst first)',
      steps: [
        { grade: 'C', points: 1 },
        { grade: 'B', points: 2 },
        { grade: 'A', points: 3 },
      ],
      fields: ['scale.1.points', 'scale.2.points'],
    },
    {
      name: 'NaN points',
      steps: [
        { grade: 'S', points: Number.NaN },
        { grade: 'A', points: 3 },
      ],
      fields: ['scale.0.points'],
    },
    {
      name: 'infinite points',
      steps: [
        { grade: 'S', points: Infinity },
        { grade: 'A', points: 3 },
      ],
      fields: ['scale.0.points'],
    },
    {
      name: 'points as text',
      steps: [
        { grade: 'S', points: '4' },
        { grade: 'A', points: 3 },
      ],
      fields: ['scale.0.points'],
    },
    {
      name: 'an empty label',
      steps: [
        { grade: '', points: 4 },
        { grade: 'A', points: 3 },
      ],
      fields: ['scale.0.grade'],
    },
    {
      name: 'a label with spaces around it',
      steps: [
        { grade: ' S', points: 4 },
        { grade: 'A', points: 3 },
      ],
      fields: ['scale.0.grade'],
    },
    {
      name: 'a numeric label',
      steps: [
        { grade: 4, points: 4 },
        { grade: 'A', points: 3 },
      ],
      fields: ['scale.0.grade'],
    },
    {
      name: 'every problem at once',
      steps: [
        { grade: 'S', points: 4 },
        { grade: 'S', points: 4 },
      ],
      fields: ['scale.1.grade', 'scale.1.points'],
    },
  ])('refuses $name, naming $fields', ({ steps, fields }) => {
    const r = refusal(() => defineGradeScale(steps as GradeStep[]));
    expect(r.code).toBe('invalid_scale');
    expect(r.fields).toEqual(fields);
  });

  it('names fields under the prefix the caller gives', () => {
    expect(gradeScaleIssues([{ grade: 'S', points: 4 }], 'body.scale')[0]!.field).toBe('body.scale');
  });
});

describe('pointsOf', () => {
  it.each([
    { grade: 'S', points: 4 },
    { grade: 'A', points: 3 },
    { grade: 'B', points: 2 },
    { grade: 'C', points: 1 },
  ])('$grade is worth $points on the default scale', ({ grade, points }) => {
    expect(pointsOf(DEFAULT_GRADE_SCALE, grade)).toBe(points);
  });

  it('reads a custom scale', () => {
    const scale = defineGradeScale([
      { grade: 'S', points: 10 },
      { grade: 'A', points: 6 },
      { grade: 'B', points: 0 },
    ]);
    expect(['S', 'A', 'B'].map((g) => pointsOf(scale, g))).toEqual([10, 6, 0]);
  });

  it.each<{ name: string; grade: unknown }>([
    { name: 'a grade not on the scale', grade: 'D' },
    { name: 'a lower-case grade', grade: 's' },
    { name: 'a padded grade', grade: 'S ' },
    { name: 'an empty grade', grade: '' },
    { name: 'null', grade: null },
    { name: 'undefined', grade: undefined },
    { name: 'the points instead of the grade', grade: 4 },
  ])('refuses $name as unknown_grade', ({ grade }) => {
    const r = refusal(() => pointsOf(DEFAULT_GRADE_SCALE, grade));
    expect(r.code).toBe('unknown_grade');
    expect(r.fields).toEqual(['grade']);
    expect(r.message).toContain('S, A, B, C');
  });

  it('names the field the caller passes, for the 4xx', () => {
    const r = refusal(() => pointsOf(DEFAULT_GRADE_SCALE, 'X', 'grades.plans.technical'));
    expect(r.fields).toEqual(['grades.plans.technical']);
    expect(r.message).toContain('"X"');
  });
});

describe('isGradeOf', () => {
  it.each<{ value: unknown; is: boolean }>([
    { value: 'S', is: true },
    { value: 'C', is: true },
    { value: 'D', is: false },
    { value: 's', is: false },
    { value: 4, is: false },
    { value: null, is: false },
  ])('$value → $is', ({ value, is }) => {
    expect(isGradeOf(DEFAULT_GRADE_SCALE, value)).toBe(is);
  });
});
