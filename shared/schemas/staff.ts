import { z } from 'zod';
import { text } from './storable';

export const signInInputSchema = z.strictObject({
  username: text().trim().min(1).max(100),
  password: text().min(1).max(200),
});

/** SPEC.md §7 and issue #5: long rather than complicated (NIST SP 800-63B); the common-password check is the server's. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export const passwordChangeSchema = z.strictObject({
  currentPassword: text().min(1).max(PASSWORD_MAX),
  newPassword: text()
    .max(PASSWORD_MAX)
    .refine((v) => [...v.normalize('NFC')].length >= PASSWORD_MIN, {
      params: { key: 'validation.password_too_short', minimum: PASSWORD_MIN },
    }),
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
