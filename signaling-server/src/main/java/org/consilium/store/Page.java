package org.consilium.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/** One page of a query's results, with the total number of matches so a client can page through them. */
public record Page<T>(List<T> items, long total, int limit, int offset) {

  /** The rows a page asks for: at most {@code limit}, skipping {@code offset}. */
  public record Request(int limit, int offset) {
    public <T> Page<T> of(List<T> items, long total) {
      return new Page<>(List.copyOf(items), total, limit, offset);
    }
  }

  /** {@code {items: [...], total, limit, offset}}. */
  public JsonObject toJson(Function<T, JsonObject> item) {
    JsonArray list = new JsonArray();
    items.forEach(i -> list.add(item.apply(i)));
    return new JsonObject().put("items", list).put("total", total).put("limit", limit).put("offset", offset);
  }
}
