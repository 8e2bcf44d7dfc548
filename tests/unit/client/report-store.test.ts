import { emptyForm } from '../../../client/pages/report/report-form';
import {
  isDone,
  newReport,
  readStoredReport,
  toOutbox,
  toSent,
  type StoredReport,
  type SubmitAnswer,
} from '../../../client/pages/report/report-store';

const NOW = new Date('2026-11-23T03:00:00Z');
const receipt: SubmitAnswer = {
  trackingCode: '389-7K4M-Q2XP',
  secret: 'Q2XP7K4M9ABCDEFG',
  status: 'received',
  receivedAt: NOW.toISOString(),
  lead: { force: 'market', unitName: 'Đội QLTT số 2' },
  photoUploadUntil: '2026-11-24T03:00:00Z',
  photosAccepted: 5,
};

function draftWithPhotos(): StoredReport {
  const draft = newReport(
    '11111111-2222-4333-8444-555555555555',
    { ...emptyForm('2026-11-23T10:05'), description: 'Bán hàng giả ở chợ' },
    NOW,
  );
  return {
    ...draft,
    photos: [
      { key: 'p1', name: 'a.jpg', blob: new Blob([new Uint8Array(300)]) },
      { key: 'p2', name: 'b.jpg', blob: new Blob([new Uint8Array(500)]) },
    ],
  };
}

describe('the report kept on the phone (draft, outbox, sent)', () => {
  it('reads back what it stored, photos as Blobs, through a structured clone like IndexedDB', () => {
    const outbox = toOutbox(draftWithPhotos(), { description: 'Bán hàng giả ở chợ' }, NOW);
    const back = readStoredReport(structuredClone(outbox));
    expect(back?.stage).toBe('outbox');
    expect(back?.photos.map((p) => p.blob.size)).toEqual([300, 500]);
    expect(back?.uploads?.map((u) => [u.key, u.bytes, u.status])).toEqual([
      ['p1', 300, 'waiting'],
      ['p2', 500, 'waiting'],
    ]);
    expect(back?.key).toBe(outbox.key);
  });

  it('keeps the urgent mark, and reads a draft kept before it existed as not urgent', () => {
    const urgent = { ...draftWithPhotos(), values: { ...draftWithPhotos().values, urgent: true } };
    expect(readStoredReport(structuredClone(urgent))?.values.urgent).toBe(true);
    const { urgent: _dropped, ...older } = draftWithPhotos().values;
    expect(readStoredReport(structuredClone({ ...draftWithPhotos(), values: older }))?.values.urgent).toBe(false);
    expect(readStoredReport({ ...draftWithPhotos(), values: { ...older, urgent: 'yes' } })?.values.urgent).toBe(false);
  });

  it('puts a photo cut short by a closed page back in the queue', () => {
    const sent = toSent(toOutbox(draftWithPhotos(), {}, NOW), receipt, NOW);
    const cut = {
      ...sent,
      uploads: sent.uploads?.map((u, i) => (i === 0 ? { ...u, status: 'sending' as const, loaded: 120 } : u)),
    };
    expect(readStoredReport(structuredClone(cut))?.uploads?.[0]).toMatchObject({ status: 'waiting', loaded: 0 });
  });

  it('does not trust a damaged or foreign record', () => {
    expect(readStoredReport(undefined)).toBeNull();
    expect(readStoredReport({ version: 2 })).toBeNull();
    expect(
      readStoredReport({ ...draftWithPhotos(), photos: [{ key: 'p', name: 'x', blob: 'not a blob' }] }),
    ).toBeNull();
    expect(
      readStoredReport({ ...toSent(toOutbox(draftWithPhotos(), {}, NOW), receipt, NOW), receipt: undefined }),
    ).toBeNull();
  });

  it('keeps the receipt until it was seen and every photo is sent', () => {
    const sent = toSent(toOutbox(draftWithPhotos(), {}, NOW), receipt, NOW);
    expect(isDone(sent)).toBe(false);
    const seen = { ...sent, receiptSeen: true };
    expect(isDone(seen)).toBe(false);
    expect(isDone({ ...seen, uploads: seen.uploads?.map((u) => ({ ...u, status: 'sent' as const })) })).toBe(true);
  });

  it('gives up the photos the server will not take any more', () => {
    const sent = toSent(toOutbox(draftWithPhotos(), {}, NOW), { ...receipt, photosAccepted: 1 }, NOW);
    expect(sent.uploads?.map((u) => u.status)).toEqual(['waiting', 'refused']);
  });
});
