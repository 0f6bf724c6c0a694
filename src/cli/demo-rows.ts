/**
 * The rows every part of `kcp demo` writes the same way: organizations and people carrying the
 * demo source (so removal finds them), and accounts on the demo e-mail domain with one role grant.
 */
import type { Db } from '../server/context';
import { DEMO_SOURCE } from './demo-data';

export async function insertDemoOrganization(
  trx: Db,
  at: string,
  kind: string,
  nameJa: string,
  nameEn: string,
  prefectureCode: string | null,
): Promise<number> {
  const row = await trx
    .insertInto('organizations')
    .values({
      kind,
      name_ja: nameJa,
      name_en: nameEn,
      prefecture_code: prefectureCode,
      url: null,
      source: DEMO_SOURCE,
      withdrawn_at: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertDemoPerson(
  trx: Db,
  at: string,
  p: { nameJa: string; nameEn: string; organizationId: number; titleJa: string; titleEn: string },
): Promise<number> {
  const row = await trx
    .insertInto('people')
    .values({
      name_ja: p.nameJa,
      name_en: p.nameEn,
      organization_id: p.organizationId,
      title_ja: p.titleJa,
      title_en: p.titleEn,
      email: null,
      source: DEMO_SOURCE,
      withdrawn_at: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertDemoAccount(
  trx: Db,
  at: string,
  o: { email: string; displayName: string; passwordHash: string; personId: number | null },
  grant: { role: string; scopeType: string; scopeId: number | null },
): Promise<number> {
  const account = await trx
    .insertInto('accounts')
    .values({
      email: o.email,
      password_hash: o.passwordHash,
      display_name: o.displayName,
      locale: 'ja',
      status: 'active',
      person_id: o.personId,
      last_sign_in_at: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('role_grants')
    .values({
      account_id: account.id,
      role: grant.role,
      scope_type: grant.scopeType,
      scope_id: grant.scopeId,
      created_at: at,
      revoked_at: null,
    })
    .execute();
  return account.id;
}
