// Password hashing: argon2id (memory-hard), through a prebuilt binary shipped in the npm package.
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const; // OWASP minimum for argon2id

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this when the username is unknown keeps the response time the same.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? (await (dummyHash ??= hashPassword("no-such-user"))), password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}
