/**
 * The key a person's name is matched by: no accents, upper case, single spaces. Used wherever a
 * person is found by name (criminal-record homonyms, warrant lookups, person keys), always whole.
 */
export const nameKeyOf = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/\s+/g, ' ').trim();
