import { AppError } from '../http/errors';

export const unitNotFound = () => new AppError('unit.not_found', 404);
export const unitClosed = () => new AppError('unit.closed', 409);
