import { spellForReading } from '../../../shared/domain/spelling';

describe('spelling a receipt for reading aloud', () => {
  it('keeps the printed groups and spells every character of the receipt alphabet in Vietnamese', () => {
    expect(spellForReading('389-7K4M-Q2XP', 'vi')).toEqual([
      { group: '389', spoken: ['ba', 'tám', 'chín'] },
      { group: '7K4M', spoken: ['bảy', 'ca — Kiên', 'bốn', 'em-mờ — Minh'] },
      { group: 'Q2XP', spoken: ['quy — Quang', 'hai', 'ích-xì — Xuân', 'pê — Pin'] },
    ]);
    const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const spoken = spellForReading(crockford, 'vi')[0]?.spoken ?? [];
    expect(spoken).toHaveLength(crockford.length);
    // Every character has a name of its own: none is read out as itself.
    spoken.forEach((word, i) => expect(word).not.toBe(crockford[i]));
  });

  it('uses the ICAO alphabet in English', () => {
    expect(spellForReading('Q2XP-7K4M-9ABC-DEFG', 'en').map((g) => g.spoken[0])).toEqual([
      'Quebec',
      'seven',
      'nine',
      'Delta',
    ]);
  });
});
