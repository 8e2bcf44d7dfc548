import type { Request } from 'express';
import { requestLanguage } from '../../../server/http/language';

const req = (query: Record<string, string>, acceptLanguage?: string) =>
  ({ query, headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} }) as unknown as Request;

describe('request language', () => {
  it.each([
    [{}, undefined, 'vi'],
    [{}, 'en', 'en'],
    [{}, 'en-GB,en;q=0.9', 'en'],
    [{}, 'fr-FR,fr;q=0.9,en;q=0.8', 'en'],
    [{}, 'vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    [{}, 'en;q=0.2,vi;q=0.9', 'vi'],
    [{}, 'de', 'vi'],
    [{ lang: 'en' }, 'vi', 'en'],
    [{ lang: 'EN' }, undefined, 'en'],
    [{ lang: 'xx' }, 'en', 'en'],
  ])('query %j with Accept-Language %s → %s', (query, header, expected) => {
    expect(requestLanguage(req(query, header))).toBe(expected);
  });
});
