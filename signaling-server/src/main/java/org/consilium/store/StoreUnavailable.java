package org.consilium.store;

/** The database cannot be reached or the store is closing; callers answer 503, never lose the write silently. */
public final class StoreUnavailable extends RuntimeException {

  public StoreUnavailable(String message) {
    super(message);
  }
}
