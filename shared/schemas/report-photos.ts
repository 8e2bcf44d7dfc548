import { z } from 'zod';
import { secretSchema, trackingCodeSchema } from './report';

/** Issue #14: `POST /api/public/reports/:trackingCode/photos`, the code in the path. */
export const reportPhotoParamsSchema = z.object({ trackingCode: trackingCodeSchema });

/** The multipart fields besides the file `photo`: the receipt's secret. */
export const reportPhotoInputSchema = z.strictObject({ secret: secretSchema });
