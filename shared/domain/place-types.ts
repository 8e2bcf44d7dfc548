/** SPEC.md §3: place types (loại địa bàn), which decide the zone of responsibility. */
export const PLACE_TYPES = [
  'border_gate',
  'port_airport',
  'border_area',
  'transport_route',
  'market',
  'production_site',
  'online',
] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];
