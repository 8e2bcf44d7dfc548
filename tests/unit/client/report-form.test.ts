import {
  communeToChoose,
  emptyForm,
  errorSummary,
  hasContent,
  toPayload,
} from '../../../client/pages/report/report-form';
import { jpegName, shrunkSize } from '../../../client/pages/report/photo-size';

describe('photo shrink sizing (issue #14: long side ≤ 2,560 px)', () => {
  it.each([
    [4000, 3000, 2560, 1920],
    [3000, 4000, 1920, 2560],
    [8000, 1000, 2560, 320],
    [2560, 1440, 2560, 1440],
    [1200, 900, 1200, 900],
  ])('%i×%i is drawn at %i×%i', (w, h, ew, eh) => {
    expect(shrunkSize(w, h)).toEqual({ width: ew, height: eh });
  });

  it('names the shrunk file as a JPEG', () => {
    expect(jpegName('IMG_2041.HEIC')).toBe('IMG_2041.jpg');
    expect(jpegName('cho tra linh.png')).toBe('cho tra linh.jpg');
    expect(jpegName('anh')).toBe('anh.jpg');
  });
});

describe('the report form values', () => {
  it('sends only what was filled, the time as ISO', () => {
    const values = {
      ...emptyForm('2026-11-23T10:05'),
      category: 'counterfeit',
      description: 'Bán nước hoa giả',
      sellerHandle: ' ',
    };
    const payload = toPayload(values);
    expect(Object.keys(payload).sort()).toEqual(['category', 'description', 'observedAt']);
    expect(payload.observedAt).toBe(new Date('2026-11-23T10:05').toISOString());
  });

  it("sends the reporter's notice box (issue #17) only with an e-mail, as the schema takes it", () => {
    const base = { ...emptyForm('2026-11-23T10:05'), reporterNotice: 'true' };
    expect(toPayload(base)).not.toHaveProperty('reporterNotice');
    expect(toPayload({ ...base, contactEmail: 'a@example.vn' })).toMatchObject({
      contactEmail: 'a@example.vn',
      reporterNotice: 'true',
    });
    expect(toPayload({ ...base, reporterNotice: '', contactEmail: 'a@example.vn' })).not.toHaveProperty(
      'reporterNotice',
    );
  });

  it('sends `urgent: true` only when the box is ticked (issue #17), and a ticked box counts as started', () => {
    expect(toPayload(emptyForm('2026-11-23T10:05'))).not.toHaveProperty('urgent');
    expect(toPayload({ ...emptyForm('2026-11-23T10:05'), urgent: true }).urgent).toBe(true);
    expect(hasContent({ ...emptyForm('2026-11-23T10:05'), urgent: true }, 0)).toBe(true);
  });

  it('counts as started from the first field or photo, not from the pre-filled time', () => {
    expect(hasContent(emptyForm('2026-11-23T10:05'), 0)).toBe(false);
    expect(hasContent({ ...emptyForm(''), address: 'Chợ Trà Lĩnh' }, 0)).toBe(true);
    expect(hasContent(emptyForm(''), 1)).toBe(true);
  });
});

describe('the error summary next to the submit button', () => {
  it('lists errors in page order, each with the field to focus, a photo error at the photos', () => {
    const summary = errorSummary([
      { field: 'description', message: 'Mô tả: phải có ít nhất 20 ký tự' },
      { field: 'photos.1', message: 'Ảnh: không đọc được' },
      { field: 'category', message: 'Lĩnh vực vi phạm: bắt buộc phải nhập' },
      { field: 'communeCode', message: 'Xã/phường: bắt buộc phải nhập' },
    ]);
    expect(summary.map((s) => s.target)).toEqual(['category', 'communeCode', 'description', 'photos']);
  });

  it('keeps an error that names no field of the form, last and without a link', () => {
    expect(
      errorSummary([
        { field: '_', message: 'Không nhận' },
        { field: 'url', message: 'URL sai' },
      ]),
    ).toEqual([
      { target: 'url', message: 'URL sai' },
      { target: null, message: 'Không nhận' },
    ]);
  });
});

describe('choosing the commune as the reporter types (issue #14)', () => {
  const communes = [
    { code: '04567', name: 'Xã Trùng Khánh' },
    { code: '04570', name: 'Xã Trùng Khánh Hạ' },
    { code: '04300', name: 'Xã Trà Lĩnh' },
  ];

  it('reads a name typed with other accents, đ, case and spaces as the same name', () => {
    const dinh = [
      { code: '04111', name: 'Xã Đình Phong' },
      { code: '04112', name: 'Xã Đình Minh' },
    ];
    expect(communeToChoose('  XA ĐÌNH  phong ', dinh)?.code).toBe('04111');
  });

  it('chooses the only match', () => {
    expect(communeToChoose('trung khanh', [communes[0]!])?.code).toBe('04567');
  });

  it('chooses the exact name among several, with or without "Xã"', () => {
    expect(communeToChoose('trung khanh', communes)?.code).toBe('04567');
    expect(communeToChoose('Xã Trà Lĩnh', communes)?.code).toBe('04300');
  });

  it('chooses nothing when the typing is not clear yet', () => {
    expect(communeToChoose('trung', communes.slice(0, 2))).toBeNull();
    expect(communeToChoose('', [communes[0]!])).toBeNull();
  });
});
