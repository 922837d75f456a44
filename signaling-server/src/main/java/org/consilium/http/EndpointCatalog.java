package org.consilium.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Every endpoint mounted on the server, in mount order. */
public final class EndpointCatalog {

  private final List<Endpoint> endpoints = new ArrayList<>();

  synchronized void add(Endpoint endpoint) {
    boolean clash = endpoints.stream().anyMatch(e -> e.method() == endpoint.method() && e.path().equals(endpoint.path()));
    if (clash) throw new IllegalStateException("Endpoint mounted twice: " + endpoint.method() + " " + endpoint.path());
    endpoints.add(endpoint);
  }

  public synchronized List<Endpoint> all() {
    return Collections.unmodifiableList(new ArrayList<>(endpoints));
  }

  /** The endpoints sorted by path then method, as the documentation lists them. */
  public List<Endpoint> sorted() {
    List<Endpoint> copy = new ArrayList<>(all());
    copy.sort(Comparator.comparing(Endpoint::path).thenComparing(e -> e.method().name()));
    return copy;
  }
}
