import { describe, expect, it } from 'vitest';
import { isValidPlate, normalizePlate, plateKind, type PlateKind } from '@shared/plate';
import { normalizeVin, vinCheckDigit, vinProblem, type VinProblem } from '@shared/vin';
import { createDeviceInput } from '@shared/schemas/devices';

const VALID_PLATES: [string, string, PlateKind][] = [
  ['粤A12345', '粤A12345', 'ordinary'],
  ['京AD1234', '京AD1234', 'ordinary'],
  ['沪KR9Z08', '沪KR9Z08', 'ordinary'],
  ['粤 a·12345', '粤A12345', 'ordinary'],
  ['粤BD12345', '粤BD12345', 'newEnergySmall'],
  ['沪AF12345', '沪AF12345', 'newEnergySmall'],
  ['京AFA1234', '京AFA1234', 'newEnergySmall'],
  ['浙AA12345', '浙AA12345', 'newEnergySmall'],
  ['粤b-d12345', '粤BD12345', 'newEnergySmall'],
  ['粤B12345D', '粤B12345D', 'newEnergyLarge'],
  ['沪A12345F', '沪A12345F', 'newEnergyLarge'],
  ['粤A1234学', '粤A1234学', 'special'],
  ['粤A1234挂', '粤A1234挂', 'special'],
  ['沪A1234警', '沪A1234警', 'special'],
  ['沪A1234领', '沪A1234领', 'special'],
  ['粤Z1234港', '粤Z1234港', 'special'],
  ['粤Z1234澳', '粤Z1234澳', 'special'],
  ['京A1234试', '京A1234试', 'special'],
  ['京A1234超', '京A1234超', 'special'],
  ['使014578', '使014578', 'embassy'],
  ['224001使', '224001使', 'embassy'],
  ['VA12345', 'VA12345', 'military'],
  ['WJ粤12345', 'WJ粤12345', 'armedPolice'],
];

const INVALID_PLATES = [
  '粤A1234', // six characters
  '粤A123456', // seven after the province, none of them D/F
  '粤I12345', // I is never a plate letter
  '粤AO2345', // nor O
  '港A12345', // 港 is a suffix, not a province
  '粤BZ12345', // new-energy letters are A–K
  '粤B12345X', // a large new-energy plate ends in D or F
  '粤BD1234A', // small new-energy: four digits at the end
  '粤A1234字', // not one of the special suffixes
  'ABC1234',
  '12345',
];

describe('plate numbers (GA 36 / the 2016 新能源 format)', () => {
  it.each(VALID_PLATES)('accepts %s as %s (%s)', (typed, stored, kind) => {
    expect(normalizePlate(typed)).toBe(stored);
    expect(plateKind(typed)).toBe(kind);
    expect(isValidPlate(typed)).toBe(true);
  });
  it.each(INVALID_PLATES)('refuses %s', (typed) => {
    expect(plateKind(typed)).toBeNull();
    expect(isValidPlate(typed)).toBe(false);
  });
});

const VINS: [string, VinProblem | null][] = [
  // Published examples whose check digits are right (Wikipedia's VIN article, makers' samples).
  ['1M8GDM9AXKP042788', null], // check digit X
  ['5GZCZ43D13S812715', null],
  ['1HGCM82633A004352', null],
  ['JHMCM56557C404453', null],
  ['11111111111111111', null],
  ['LSVAU218XN2183294', null], // a Chinese WMI (LSV), check digit X
  ['1m8gdm9axkp042788', null], // typed in lower case: normalised first
  // A wrong check digit: a typo, or a European import that carries none (Z in position 9).
  ['1M8GDM9A1KP042788', 'vinCheckDigit'],
  ['LSVAU2180N2183294', 'vinCheckDigit'],
  ['WVWZZZ1JZXW000001', 'vinCheckDigit'],
  // I, O and Q are never in a VIN.
  ['IM8GDM9AXKP042788', 'vinForbiddenLetter'],
  ['1M8GDM9AXKP04278O', 'vinForbiddenLetter'],
  ['1M8GDM9AXKQ042788', 'vinForbiddenLetter'],
  ['1M8GDM9AXKP04278', 'vinLength'],
  ['1M8GDM9AXKP0427888', 'vinLength'],
  ['1M8GDM9AXKP04278*', 'vinCharacters'],
];

describe('VINs (ISO 3779 / GB 16735)', () => {
  it.each(VINS)('%s → %s', (typed, problem) => {
    expect(vinProblem(normalizeVin(typed))).toBe(problem);
  });
  it('computes the position-9 check digit with the standard weights and transliteration', () => {
    expect(vinCheckDigit('1M8GDM9A_KP042788'.replace('_', '0'))).toBe('X');
    expect(vinCheckDigit('WVWZZZ1JZXW000001')).toBe('0');
  });
});

describe('the device schema refuses with the reason a form words', () => {
  const base = { customerId: '0190f0f0-0000-7000-8000-000000000000', category: '汽车', brand: '比亚迪' };
  const reasonOf = (input: Record<string, unknown>) => {
    const parsed = createDeviceInput.safeParse({ ...base, ...input });
    return parsed.success
      ? null
      : parsed.error.issues.map((i) => [
          i.path.join('.'),
          (i as { params?: { reason?: string } }).params?.reason,
        ]);
  };
  it('a bad plate, each VIN problem, and a wrong check digit unless the import is confirmed', () => {
    expect(reasonOf({ plateNo: '粤A1234' })).toEqual([['plateNo', 'plateInvalid']]);
    expect(reasonOf({ vin: '1M8GDM9AXKP04278O' })).toEqual([['vin', 'vinForbiddenLetter']]);
    expect(reasonOf({ vin: '1M8GDM9A1KP042788' })).toEqual([['vin', 'vinCheckDigit']]);
    expect(reasonOf({ vin: '1M8GDM9A1KP042788', vinNoCheckDigit: true })).toBeNull();
    // The confirmation covers the check digit only, never I/O/Q or the length.
    expect(reasonOf({ vin: 'IM8GDM9AXKP042788', vinNoCheckDigit: true })).toEqual([
      ['vin', 'vinForbiddenLetter'],
    ]);
    expect(
      createDeviceInput.parse({ ...base, plateNo: '粤 b·d12345', vin: ' 1m8gdm9axkp042788 ' }),
    ).toMatchObject({
      plateNo: '粤BD12345',
      vin: '1M8GDM9AXKP042788',
    });
  });
});
