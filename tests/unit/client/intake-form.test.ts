import { intakeReportInputSchema } from '../../../shared/schemas/intake';
import {
  blankCall,
  duplicateSearch,
  reportPayload,
  routingInput,
  typedPlace,
} from '../../../client/pages/intake/intake-form';

const typed = { description: '', url: '', sellerHandle: '' };

describe('the intake console: what the form asks the server while the operator types', () => {
  it('names the commune when one is chosen, the province only for an online seller without one', () => {
    expect(typedPlace({ placeType: 'market', communeCode: '01447', provinceCode: '04' })).toEqual({
      communeCode: '01447',
    });
    expect(typedPlace({ placeType: 'online', communeCode: '', provinceCode: '04' })).toEqual({ provinceCode: '04' });
    expect(typedPlace({ placeType: 'market', communeCode: '', provinceCode: '04' })).toEqual({});
  });

  it('asks for the route only once category, place type and place are known', () => {
    const place = { placeType: 'market', communeCode: '01447', provinceCode: '04' };
    expect(routingInput({ ...place, category: '' })).toBeNull();
    expect(routingInput({ ...place, category: 'not-a-category' })).toBeNull();
    expect(routingInput({ ...place, category: 'counterfeit' })).toEqual({
      category: 'counterfeit',
      placeType: 'market',
      communeCode: '01447',
    });
    expect(routingInput({ ...place, communeCode: '', category: 'counterfeit' })).toBeNull();
  });

  it('compares for duplicates the trimmed texts typed so far, leaving out the empty ones', () => {
    const values = { category: 'counterfeit', placeType: 'online', communeCode: '', provinceCode: '04' };
    expect(duplicateSearch(values, { ...typed, sellerHandle: '  Zalo 0399000123 ' })).toEqual({
      provinceCode: '04',
      category: 'counterfeit',
      sellerHandle: 'Zalo 0399000123',
    });
    expect(duplicateSearch({ ...values, provinceCode: '' }, typed)).toBeNull();
  });

  it('sends an anonymous call without a number, and an empty end time as now; the shared schema takes it', () => {
    const values = {
      ...blankCall('0961389389'),
      callerNumber: '0912 345 678',
      callerAnonymous: true,
      category: 'smuggling',
      placeType: 'transport_route',
      provinceCode: '04',
      communeCode: '01447',
      address: 'Quốc lộ 3, km 12',
      description: 'Xe tải chở thuốc lá lậu qua đây mỗi đêm khoảng 2 giờ sáng.',
    };
    const payload = reportPayload(values);
    expect(payload).not.toHaveProperty('callerNumber');
    expect(payload).not.toHaveProperty('url');
    expect(Date.parse(String(payload.callEndedAt))).toBeGreaterThanOrEqual(Date.parse(String(payload.callStartedAt)));
    const checked = intakeReportInputSchema(() => new Date()).safeParse(payload);
    expect(checked.error?.issues ?? []).toEqual([]);
  });

  it('sends a letter with when it was received and nothing of a call (issue #18); the shared schema takes it', () => {
    const values = {
      ...blankCall('0961389389', 'letter'),
      callerNumber: '0912 345 678',
      receivedAt: '08:30 20/11/2026',
      observedAt: '07:00 19/11/2026',
      category: 'counterfeit',
      placeType: 'market',
      provinceCode: '04',
      communeCode: '01447',
      address: 'Chợ Trà Lĩnh',
      description: 'Thư tố giác ki-ốt 12 chợ Trà Lĩnh bán nước hoa giả nhãn hiệu Chanel.',
      contactName: 'Nguyễn Văn Ba',
    };
    const payload = reportPayload(values);
    expect(payload).toMatchObject({
      channel: 'letter',
      receivedAt: '2026-11-20T01:30:00.000Z',
      contactName: 'Nguyễn Văn Ba',
    });
    for (const name of ['line', 'callStartedAt', 'callEndedAt', 'callerNumber', 'callerAnonymous'])
      expect(payload).not.toHaveProperty(name);
    const checked = intakeReportInputSchema(() => new Date('2026-11-23T03:00:00Z')).safeParse(payload);
    expect(checked.error?.issues ?? []).toEqual([]);
  });
});
