/** Every Drizzle table, for drizzle-kit (migrations) and the typed database handle. */
export * from '../meta/meta.table';
export * from '../places/places.table';
export * from '../units/units.table';
export * from '../auth/auth.table';
export * from '../routing/routing.table';
export * from '../reports/reports.table';
export * from '../holidays/holidays.table';
export * from '../intake/intake.table';
export * from '../stats/stats.table';
export * from '../reports/idempotency.table';
export * from '../reports/receipts.table';
export * from '../alerts/alerts.table';
export * from '../cases/escalations.table';
export * from '../cases/results.table';
export * from '../cases/reveal-requests.table';
