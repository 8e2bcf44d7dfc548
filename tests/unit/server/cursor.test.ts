import { z } from 'zod';
import { cursorCodec } from '../../../server/http/cursor';
import { AppError } from '../../../server/http/errors';

const codec = cursorCodec(z.object({ d: z.string().nullable(), i: z.uuid() }));
const id = '00000000-0000-4000-8000-000000000000';
const refusal = (cursor: string) => {
  try {
    codec.decode(cursor);
  } catch (err) {
    return err instanceof AppError ? { status: err.status, fields: err.issues.map((i) => i.path.join('.')) } : err;
  }
  return 'accepted';
};

describe('keyset cursors', () => {
  it('round-trips a key as base64url JSON', () => {
    const cursor = codec.encode({ d: null, i: id });
    expect(cursor).toBe(Buffer.from(JSON.stringify({ d: null, i: id })).toString('base64url'));
    expect(codec.decode(cursor)).toEqual({ d: null, i: id });
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['JSON of another shape', Buffer.from('[1,2]').toString('base64url')],
    ['a forged id', Buffer.from(JSON.stringify({ d: null, i: '-'.repeat(36) })).toString('base64url')],
  ])('refuses %s as a bad `after`', (_what, cursor) => {
    expect(refusal(cursor)).toEqual({ status: 400, fields: ['after'] });
  });
});
