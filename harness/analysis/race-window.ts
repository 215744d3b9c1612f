// The summary's race window: where the aim variant's aimed requests landed
// relative to the close they were aimed at (planned offsets, hits per offset),
// each hit set against the app's close it met, and the race model beside it.
// Pure.
import type { SocketClosedRecord } from '../model/protocol.js';
import type { RaceWindow } from '../records/summary-schema.js';
import { clientSymptom, type RequestRecord } from '../records/request-records.js';
import { spreadOf } from '../model/stats.js';
import type { TrafficResult } from '../traffic/engine.js';
import { matchHit, raceModel } from './race-model.js';
import { sendToAppMs, type SummaryInput } from './summary-input.js';

/** An aimed request with its planned offset from the predicted close. */
type PlannedRecord = RequestRecord & { offsetMs: number };

/**
 * sendToAppMs: a request sent at harness time t reached the app at t + this on its clock (offset + one-way latency).
 */
export function raceWindow(records: RequestRecord[], closes: SocketClosedRecord[], sendToAppMs: number): RaceWindow {
  const aimed = records.filter((r): r is PlannedRecord => r.phase === 'aimed' && r.offsetMs !== null);
  const hits = aimed.filter((r) => clientSymptom(r) === '502');
  // Each hit set against the close it met by the race model's own rule (race-model.ts matchHit), so the two never
  // disagree.
  const deltas = hits.flatMap((r) => matchHit(r, closes, sendToAppMs)?.arrivalMinusCloseMs ?? []);
  const byOffsetMs: RaceWindow['byOffsetMs'] = {};
  for (const r of aimed) {
    const bucket = String(Math.round(r.offsetMs));
    byOffsetMs[bucket] ??= { sent: 0, hit: 0 };
    byOffsetMs[bucket].sent++;
    if (clientSymptom(r) === '502') byOffsetMs[bucket].hit++;
  }
  return {
    hits: hits.length,
    plannedOffsetMs: spreadOf(hits.map((r) => r.offsetMs)),
    arrivalMinusAppCloseMs: spreadOf(deltas),
    byOffsetMs,
  };
}

/**
 * The aim variant's race window with its race model; appCloseDelayMs: the app's median close delay (its variant's
 * measured.appCloseDelayMedianMs).
 */
export function aimRaceWindow(
  input: Pick<SummaryInput, 'appCloses' | 'appResponseEnds'>,
  traffic: Pick<TrafficResult, 'aimVariant' | 'records' | 'appClocks'>,
  appCloseDelayMs: number | null,
): RaceWindow {
  const aim = traffic.aimVariant;
  const closes = input.appCloses[aim] ?? [];
  const mine = traffic.records.filter((r) => r.variant === aim);
  return {
    ...raceWindow(mine, closes, sendToAppMs(traffic, aim)),
    model: raceModel(
      mine.filter((r) => r.phase === 'aimed'),
      closes,
      (socketId, request) => input.appResponseEnds[aim]?.get(`${socketId}/${request}`),
      sendToAppMs(traffic, aim),
      appCloseDelayMs,
    ),
  };
}
