import { createCipheriv, createDecipheriv, randomBytes, randomInt } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const draw = (length: number) => Array.from({ length }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join('');

/** `389-7K4M-Q2XP`: 40 random bits; uniqueness is the database's unique index. */
export function newTrackingCode(): string {
  const body = draw(8);
  return `389-${body.slice(0, 4)}-${body.slice(4)}`;
}

/** 16 characters of 5 bits: 80 bits, shown once as `XXXX-XXXX-XXXX-XXXX`. Stored only as a scrypt hash. */
export function newSecret(): { display: string; normalised: string } {
  const normalised = draw(16);
  return { normalised, display: normalised.match(/.{4}/g)?.join('-') ?? normalised };
}

export interface Contact {
  name?: string;
  phone?: string;
  email?: string;
}

/** AES-256-GCM with a fresh 96-bit IV: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function sealContact(contact: Contact, keyHex: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(contact), 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function openContact(sealed: string, keyHex: string): Contact {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown contact format');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  return JSON.parse(text) as Contact;
}
