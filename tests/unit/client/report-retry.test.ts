import { isWorthRetrying as isTransient } from '../../../client/pages/report/upload-queue';

/** An API failure as the client sees it (status 0: no answer). */
class ApiError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
    readonly fields: { field: string; message: string }[] = [],
  ) {}
}

describe('which failures the report sender tries again (issue #14)', () => {
  it.each([
    ['no answer (dropped link)', new ApiError(0, 'network', 'Network request failed')],
    ['a busy server', new ApiError(503, 'photos.busy', 'busy')],
    ['a rate limit', new ApiError(429, 'rate_limited', 'slow down')],
    ['the first request still running', new ApiError(409, 'idempotency.in_progress', 'in progress')],
    [
      'a page that is not ours (captive portal, proxy)',
      new ApiError(400, 'unexpected_response', 'Unexpected answer (HTTP 400)'),
    ],
  ])('tries again after %s', (_, err) => {
    expect(isTransient(err)).toBe(true);
  });

  it.each([
    [
      'a refused field',
      new ApiError(400, 'validation.failed', 'bad', [{ field: 'description', message: 'Mô tả: quá ngắn' }]),
    ],
    ['a sixth photo', new ApiError(409, 'photos.limit_reached', 'limit')],
    ['a wrong code or a photo after 24 h', new ApiError(404, 'report.not_found', 'not found')],
    ['a key reused with another body', new ApiError(422, 'idempotency.key_reused', 'reused')],
    ['a file the server cannot read', new ApiError(400, 'photo.unreadable', 'not an image')],
  ])('does not try again after %s', (_, err) => {
    expect(isTransient(err)).toBe(false);
  });
});
