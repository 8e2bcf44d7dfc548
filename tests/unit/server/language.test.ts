import express from 'express';
import request from 'supertest';
import { requestLanguage } from '../../../server/http/language';

// A real Express request: the header is negotiated by Express itself (req.acceptsLanguages).
const app = express().get('/', (req, res) => {
  res.send(requestLanguage(req));
});

describe('request language', () => {
  it.each([
    [{}, undefined, 'vi'],
    [{}, 'en', 'en'],
    [{}, 'en-GB,en;q=0.9', 'en'],
    [{}, 'fr-FR,fr;q=0.9,en;q=0.8', 'en'],
    [{}, 'vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    [{}, 'en;q=0.2,vi;q=0.9', 'vi'],
    [{}, 'de', 'vi'],
    // Equal weights: the header's order, a regional tag counting as its language.
    [{}, 'vi-VN, en', 'vi'],
    [{}, 'en-US, vi', 'en'],
    [{ lang: 'en' }, 'vi', 'en'],
    [{ lang: 'EN' }, undefined, 'en'],
    [{ lang: 'xx' }, 'en', 'en'],
  ])('query %j with Accept-Language %s → %s', async (query, header, expected) => {
    const call = request(app).get('/').query(query);
    const response = await (header ? call.set('Accept-Language', header) : call);
    expect(response.text).toBe(expected);
  });
});
