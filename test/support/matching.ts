/**
 * Seeds, needs and matches for API, permission-matrix and browser tests: request bodies that read
 * like real offers and requests, and helpers that take a listing through review to publication.
 */
import { expect } from 'vitest';
import type { HttpClient } from './http-client';

export function seedBody(overrides: Record<string, unknown> = {}) {
  return {
    clusterKey: 'sapporo',
    title: {
      ja: '積雪路面を判別する低消費電力FPGA画像認識',
      en: 'Low-power FPGA image recognition of snow-covered road surfaces',
    },
    summary: {
      ja: 'FPGAカメラで乾燥・湿潤・圧雪・凍結の路面状態を3W未満で実時間に判別する。除雪路線で二冬の実証済み。',
      en: 'An FPGA camera unit classifies dry, wet, compacted-snow and icy road surfaces in real time under 3 W.',
    },
    keyField: 'it',
    keywords: ['FPGA', '画像認識', 'road surface'],
    stage: 'field_trial',
    ...overrides,
  };
}

export function needBody(organizationId: number, overrides: Record<string, unknown> = {}) {
  return {
    organizationId,
    title: { ja: '冬期道路の凍結を検知するカメラ', en: '' },
    description: {
      ja: '除雪車に載せて路面の凍結や圧雪を走行中に判別したい。消費電力の小さい画像認識装置を探している。',
      en: '',
    },
    keyField: 'it',
    prefectureCode: '01',
    ...overrides,
  };
}

async function act(client: HttpClient, path: string, action: string, version: number, extra: object = {}) {
  const res = await client.post(`${path}/actions`, { action, version, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { id: number; version: number; status: string };
}

/** Creates a listing as `author`, submits it and has `coordinator` publish it. */
export async function publishListing(
  author: HttpClient,
  coordinator: HttpClient,
  kind: 'seeds' | 'needs',
  body: object,
): Promise<{ id: number; version: number }> {
  const created = await author.post(`/api/v1/${kind}`, body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const path = `/api/v1/${kind}/${created.body.id}`;
  const submitted = await act(author, path, 'submit', created.body.version as number);
  return act(coordinator, path, 'publish', submitted.version);
}

/** Proposes a match as `coordinator` and records both sides' interest. */
export async function interestedMatch(
  coordinator: HttpClient,
  seedId: number,
  needId: number,
): Promise<{ id: number; version: number }> {
  const proposed = await coordinator.post('/api/v1/matches', { seedId, needId, note: 'same snow roads' });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
  let version = proposed.body.version as number;
  for (const side of ['seed', 'need']) {
    const res = await coordinator.post(`/api/v1/matches/${proposed.body.id}/answers`, {
      side,
      answer: 'interested',
      interest: { offer: 'our sensor', seek: 'a field partner', next: 'meet in Sapporo' },
      version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    version = res.body.version as number;
  }
  return { id: proposed.body.id as number, version };
}
