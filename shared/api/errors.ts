import { z } from 'zod';

export const fieldErrorSchema = z.object({
  field: z.string().meta({ description: 'Dotted path of the field, e.g. `communeCode` or `photos.0`' }),
  message: z.string().meta({ description: 'What is wrong, in the request language, naming the field' }),
});

/** The one error shape of every API answer that is not a success (issue #2). */
export const apiErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable code to branch on, e.g. `validation_failed`, `not_found`' }),
      message: z.string(),
      fields: z.array(fieldErrorSchema),
      requestId: z.string().optional(),
      details: z
        .unknown()
        .optional()
        .meta({ description: 'Detail for some codes, e.g. the validation report of `routing.invalid`' }),
    }),
  })
  .meta({ id: 'ApiError' });
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
