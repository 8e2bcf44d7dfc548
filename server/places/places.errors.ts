import { AppError } from '../http/errors';

export const provinceNotFound = () => new AppError('province.not_found', 404);
