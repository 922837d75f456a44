package org.consilium.audit;

import io.vertx.core.json.JsonObject;

/**
 * The result of walking the chain: valid when every link checked out. {@code checked} counts the links
 * verified before the first broken one; {@code headSeq}/{@code headHash} name the last good link, which an
 * operator can note outside the system to detect a later truncation of the tail.
 */
public record Verification(boolean valid, long checked, Long brokenSeq, String brokenReason, long headSeq,
                           String headHash) {

  public JsonObject toJson() {
    JsonObject broken = brokenSeq == null ? null : new JsonObject().put("seq", brokenSeq).put("reason", brokenReason);
    return new JsonObject().put("valid", valid).put("checked", checked).put("firstBroken", broken)
        .put("head", new JsonObject().put("seq", headSeq).put("hash", headHash));
  }
}
