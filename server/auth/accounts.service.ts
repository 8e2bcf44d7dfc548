import type { Db } from '../db/types';
import type { Clock } from '../deps';
import { appendAudit, findAccountByUsername, insertStaffAccounts } from './auth.repository';
import { generatePassword, hashPassword } from './passwords';

export class AccountRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountRefused';
  }
}

/** A new administrator with a generated password, returned once; written to the audit log. */
export async function createAdminAccount(db: Db, clock: Clock, input: { username: string; displayName: string }): Promise<{ username: string; password: string }> {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(username)) throw new AccountRefused(`${username}: a username is 2-63 lower-case letters, digits, dots, dashes or underscores`);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    if (await findAccountByUsername(tx, username)) throw new AccountRefused(`the username ${username} is already taken`);
    await insertStaffAccounts(tx, [{ username, displayName: input.displayName, role: 'admin', passwordHash }]);
    const created = await findAccountByUsername(tx, username);
    await appendAudit(tx, { at: clock.now(), action: 'account_created', subject: `account:${created?.id}`, data: { role: 'admin', via: 'command line' } });
  });
  return { username, password };
}
