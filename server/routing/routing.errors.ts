import { AppError } from '../http/errors';
import type { ValidationSummary } from '../../shared/api/rules';
import type { TimedReport } from './routing.service';

export const communeNotFound = () => new AppError('commune.not_found', 404);
/** Should not happen once the validator has passed: the report is kept and a coordinator assigns it. */
export const noLeadUnit = () => new AppError('routing.no_lead', 503);
export const routingInvalid = (report: TimedReport | ValidationSummary) =>
  new AppError('routing.invalid', 422, {}, [], {}, report);
export const pastEffectiveTime = () => new AppError('routing.past_effective_time', 400);
export const versionScheduled = () => new AppError('routing.version_scheduled', 409);
export const notDraft = () => new AppError('routing.not_draft', 409);
export const ruleSetNotFound = () => new AppError('routing.rule_set_not_found', 404);
export const draftExists = () => new AppError('routing.draft_exists', 409);
