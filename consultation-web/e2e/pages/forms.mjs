// Reading forms the way assistive technology does: a field's error is part of its description.

/** The error text tied to a field through aria-describedby ('' when the field has none). */
export function fieldError(field) {
  return field.evaluate((input) => (input.getAttribute('aria-describedby') ?? '').split(/\s+/)
    .map((id) => document.getElementById(id))
    .filter((el) => el && el.classList.contains('error'))
    .map((el) => el.textContent.trim())
    .join(' '));
}

/** Whether the field is marked invalid for assistive technology. */
export async function isInvalid(field) {
  return (await field.getAttribute('aria-invalid')) === 'true';
}
