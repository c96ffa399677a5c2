// Shanghai's streets and towns for the public report form, from the shipped reference list
// (reference/shanghai-towns-2022.csv, bundled at build time): residents need no account to pick one.
import townsCsv from '../../../../reference/shanghai-towns-2022.csv?raw';
import districtsCsv from '../../../../reference/shanghai-districts.csv?raw';

export interface Street {
  code: string;
  name: string;
  districtCode: string;
}

export interface DistrictStreets {
  code: string;
  name: string;
  streets: Street[];
}

const rows = (csv: string) =>
  csv
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '')));

function build(): DistrictStreets[] {
  const districts = new Map<string, DistrictStreets>();
  for (const [code, name] of rows(districtsCsv)) districts.set(code, { code, name, streets: [] });
  for (const [code, name, districtCode] of rows(townsCsv)) {
    if (!/^\d{9}$/.test(code)) continue;
    districts.get(districtCode)?.streets.push({ code, name, districtCode });
  }
  return [...districts.values()].filter((d) => d.streets.length);
}

export const SHANGHAI_STREETS: DistrictStreets[] = build();
