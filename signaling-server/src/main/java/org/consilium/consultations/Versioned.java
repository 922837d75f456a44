package org.consilium.consultations;

/**
 * A change and the version it was made from. Handlers hand it to services as a supplier, read only after the
 * caller's access is checked: a stranger gets 404, never a validation error that reveals the record exists.
 */
record Versioned<T>(long expected, T value) {
}
