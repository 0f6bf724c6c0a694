/** Case-insensitive "contains" for list filters, the same on SQLite and PostgreSQL. */
import { type Expression, type SqlBool, sql } from 'kysely';

/** Escapes LIKE's wildcards so a search for "50%" or "a_b" means those characters. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `lower(column) LIKE '%text%'` with wildcards in `text` taken literally. */
export function containsText(column: Expression<string | null>, text: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${column}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}
