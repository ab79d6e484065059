type Messages = Record<string, string>;

/**
 * Where each message goes: request path → the form's field (the form's own answer first, undefined for the default:
 * the field of that name, or the field holding it, `agenda.2` → `agenda`); a path with no field is `other`, for the
 * form's one alert. The first message of a field wins.
 */
export function placeMessages(
  messages: Messages,
  fieldNames: object,
  own: (path: string) => string | null | undefined = () => undefined,
): { fields: Messages; other: string[] } {
  const fields: Messages = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(messages)) {
    const field = fieldOf(path, fieldNames, own);
    if (field) fields[field] ??= message;
    else other.push(message);
  }
  return { fields, other };
}

function fieldOf(path: string, fieldNames: object, own: (path: string) => string | null | undefined): string | null {
  const mine = own(path);
  if (mine !== undefined) return mine;
  if (Object.hasOwn(fieldNames, path)) return path;
  const head = path.split('.')[0] ?? path;
  return Object.hasOwn(fieldNames, head) ? head : null;
}
