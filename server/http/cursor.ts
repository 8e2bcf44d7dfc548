import type { z } from 'zod';
import { fieldIssue, validationFailed } from './errors';

/**
 * Keyset-page cursors: the last row's sort key as base64url JSON, opaque to the client. A cursor comes
 * back from the client, so it is checked against its schema like any input; anything else (not base64,
 * not JSON, a forged key) is refused as a bad `after`, naming the field.
 */
export interface CursorCodec<T> {
  encode(key: T): string;
  decode(cursor: string): T;
}

export function cursorCodec<S extends z.ZodType>(schema: S, field = 'after'): CursorCodec<z.output<S>> {
  return {
    encode: (key) => Buffer.from(JSON.stringify(key)).toString('base64url'),
    decode: (cursor) => {
      const parsed = schema.safeParse(parseJson(Buffer.from(cursor, 'base64url').toString('utf8')));
      if (parsed.success) return parsed.data;
      throw validationFailed([fieldIssue([field], 'invalid_value')]);
    },
  };
}

/** JSON, or undefined (which no cursor schema accepts) for text that is not. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
