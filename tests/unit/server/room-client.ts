import { expect } from 'vitest';
import type { TraineeRoomView, TrainerRoomView } from '../../../src/server/room/room-views.ts';
import type { RoomDebriefView } from '../../../src/server/room/room-debrief.ts';
import { ApiClient } from './support/test-server.ts';

/** A trainee as the room tests use them: their id and token. */
export interface Trainee {
  participantId: string;
  token: string;
}

/** The server's clock in the room tests: moved by hand, so a deadline passes without waiting. */
export class TestClock {
  private current = new Date('2026-11-23T09:00:00Z').getTime();
  readonly now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current += ms;
  }
}

/** The room API as the projector and the phones call it, with each answer's status checked. */
export class RoomClient {
  constructor(readonly api: ApiClient) {}

  async createRoomSession(scenarios = ['worn-once', 'missing-zero'], timers = 'standard'): Promise<{ id: string; code: string }> {
    return this.api.createSession({ name: 'Room, Tuesday', scenarios, timers, mode: 'room' });
  }

  async trainerView(sessionId: string): Promise<TrainerRoomView> {
    return ok<TrainerRoomView>(await this.api.trainer('GET', `/api/sessions/${sessionId}/room`));
  }

  /** A trainer action (open, reveal, play, next); returns the raw answer. */
  act(sessionId: string, action: 'open' | 'reveal' | 'play' | 'next', body?: unknown): Promise<Response> {
    return this.api.trainer('POST', `/api/sessions/${sessionId}/room/${action}`, body);
  }

  async do(sessionId: string, action: 'open' | 'reveal' | 'play' | 'next', body?: unknown): Promise<TrainerRoomView> {
    return ok<TrainerRoomView>(await this.act(sessionId, action, body));
  }

  async traineeView(trainee: Trainee): Promise<TraineeRoomView> {
    return ok<TraineeRoomView>(await this.api.send('GET', '/api/room', undefined, { Authorization: `Bearer ${trainee.token}` }));
  }

  vote(trainee: Trainee, round: number, reply: string): Promise<Response> {
    return this.api.send('PUT', '/api/room/vote', { round, reply }, { Authorization: `Bearer ${trainee.token}` });
  }

  async voted(trainee: Trainee, round: number, reply: string): Promise<TraineeRoomView> {
    return ok<TraineeRoomView>(await this.vote(trainee, round, reply));
  }

  async debrief(sessionId: string): Promise<RoomDebriefView> {
    return ok<RoomDebriefView>(await this.api.trainer('GET', `/api/sessions/${sessionId}/room/debrief`));
  }
}

/** The JSON of a 200 answer (the test fails with the server's message otherwise). */
export async function ok<T>(response: Response): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as T;
}

/** The `error` of a refused answer, after checking its status. */
export async function refused(response: Response, status: number): Promise<string> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return (JSON.parse(text) as { error: string }).error;
}
