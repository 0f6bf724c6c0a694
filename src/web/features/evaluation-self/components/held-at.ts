/**
 * Interview times are entered and shown in Japan time (JST, UTC+9, no daylight saving): the
 * evaluating group meets in Japan, whatever the browser's own zone is.
 */
const JST_OFFSET_MS = 9 * 3_600_000;

/** An ISO instant → the `datetime-local` value it is in Japan ("2004-11-24T13:30"). */
export function toJstInputValue(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '' : new Date(at + JST_OFFSET_MS).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as Japan time → ISO with its offset, as the API asks; '' stays ''. */
export function fromJstInputValue(value: string): string {
  if (value === '') return '';
  return `${value.length === 16 ? `${value}:00` : value}+09:00`;
}
