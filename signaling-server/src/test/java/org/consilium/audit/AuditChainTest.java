package org.consilium.audit;

import static org.consilium.testing.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.store.Store;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The chain itself: appends, verification, and tampering done with the MongoDB driver behind the server's back. */
class AuditChainTest {

  private TestServer server;
  private AuditService audit;
  private MongoCollection<Document> records;

  @BeforeEach
  void start() {
    server = TestServer.create().start();
    // A second writer on the server's database, as another node would be; the server itself records nothing here.
    audit = await(AuditService.start(server.vertx(), server.verticle().store()));
    records = server.verticle().store().collection("audit");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("appended events form a chain 1..n that verifies")
  void appendAndVerify() {
    append(12);
    Verification v = await(audit.verify());
    assertTrue(v.valid());
    assertEquals(12, v.checked());
    assertNull(v.brokenSeq());
    assertEquals(12, v.headSeq());
    Document first = records.find(Filters.eq("_id", 1L)).first();
    assertEquals(AuditRecord.GENESIS, first.getString("prevHash"));
    Document second = records.find(Filters.eq("_id", 2L)).first();
    assertEquals(first.getString("hash"), second.getString("prevHash"));
  }

  @Test
  @DisplayName("a changed field is detected at its seq")
  void tamperedField() {
    append(10);
    records.updateOne(Filters.eq("_id", 5L), Updates.set("actorUserId", "someone-else"));
    Verification v = await(audit.verify());
    assertFalse(v.valid());
    assertEquals(5L, v.brokenSeq());
    assertEquals("hash does not match the record's content", v.brokenReason());
    assertEquals(4, v.checked());
  }

  @Test
  @DisplayName("a deleted record is detected as a gap at the missing seq")
  void deletedRecord() {
    append(10);
    records.deleteOne(Filters.eq("_id", 7L));
    Verification v = await(audit.verify());
    assertFalse(v.valid());
    assertEquals(7L, v.brokenSeq());
    assertTrue(v.brokenReason().startsWith("record missing"), v.brokenReason());
  }

  @Test
  @DisplayName("deleting the first record is detected at seq 1")
  void deletedFirst() {
    append(3);
    records.deleteOne(Filters.eq("_id", 1L));
    assertEquals(1L, await(audit.verify()).brokenSeq());
  }

  @Test
  @DisplayName("two records swapped in place (hashes moved with them) are detected at the first of them")
  void reorderedRecords() {
    append(10);
    Document third = records.find(Filters.eq("_id", 3L)).first();
    Document fourth = records.find(Filters.eq("_id", 4L)).first();
    third.put("_id", 4L);
    fourth.put("_id", 3L);
    records.replaceOne(Filters.eq("_id", 3L), fourth);
    records.replaceOne(Filters.eq("_id", 4L), third);
    Verification v = await(audit.verify());
    assertEquals(3L, v.brokenSeq());
    assertEquals("prevHash does not match the hash of record 2", v.brokenReason());
  }

  @Test
  @DisplayName("a record changed and re-hashed by someone who knows the algorithm breaks the next link")
  void rehashedRecord() {
    append(10);
    AuditRecord six = AuditStore.fromDocument(records.find(Filters.eq("_id", 6L)).first());
    AuditEvent e = six.event();
    AuditEvent forged = new AuditEvent(e.at(), "innocent-user", e.actorName(), e.actorRole(), e.actorHospitalId(),
        e.action(), e.resourceType(), e.resourceId(), e.patientId(), e.outcome(), e.clientAddress(), e.requestId(), e.detail());
    records.replaceOne(Filters.eq("_id", 6L), AuditStore.toDocument(AuditRecord.link(6, six.prevHash(), forged)));
    Verification v = await(audit.verify());
    assertEquals(7L, v.brokenSeq());
    assertEquals("prevHash does not match the hash of record 6", v.brokenReason());
  }

  @Test
  @DisplayName("a chain longer than one verification batch is walked to the end")
  void manyBatches() {
    append(2_345);
    Verification v = await(audit.verify());
    assertTrue(v.valid());
    assertEquals(2_345, v.checked());
    records.updateOne(Filters.eq("_id", 2_001L), Updates.set("detail", "edited"));
    assertEquals(2_001L, await(audit.verify()).brokenSeq());
    // A deleted run longer than a batch is a gap, not the end of the chain.
    records.deleteMany(Filters.and(Filters.gte("_id", 1_001L), Filters.lte("_id", 2_100L)));
    Verification gap = await(audit.verify());
    assertEquals(1_001L, gap.brokenSeq());
    assertEquals("record missing: the sequence jumps from 1000 to 2101", gap.brokenReason());
  }

  @Test
  @DisplayName("two nodes appending to one database at once never fork the chain")
  void twoWritersOneChain() {
    Store store = server.verticle().store();
    AuditService otherNode = await(AuditService.start(server.vertx(), store));
    List<Future<Void>> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      all.add((i % 2 == 0 ? audit : otherNode).record(event("writer-" + (i % 2), "n" + i)));
    }
    await(Future.all(all));
    Verification v = await(audit.verify());
    assertTrue(v.valid(), () -> String.valueOf(v));
    assertEquals(300, v.checked());
    Set<String> details = new HashSet<>();
    records.find().forEach(d -> details.add(d.getString("detail")));
    assertEquals(300, details.size(), "every event stored exactly once");
  }

  @Test
  @DisplayName("search filters by time: from inclusive, to exclusive")
  void timeFilters() {
    append(3);
    Instant after = Instant.now().plusSeconds(1);
    Instant before = Instant.now().minusSeconds(60);
    org.consilium.store.Page.Request page = new org.consilium.store.Page.Request(10, 0);
    assertEquals(3, await(audit.search(new AuditQuery(null, null, null, null, before, after, page))).total());
    assertEquals(0, await(audit.search(new AuditQuery(null, null, null, null, null, before, page))).total());
    assertEquals(0, await(audit.search(new AuditQuery(null, null, null, null, after, null, page))).total());
    assertEquals(3, await(audit.search(new AuditQuery(null, "user-0", null, null, null, null, page))).total()
        + await(audit.search(new AuditQuery(null, "user-1", null, null, null, null, page))).total()
        + await(audit.search(new AuditQuery(null, "user-2", null, null, null, null, page))).total());
  }

  @Test
  @DisplayName("when the trail cannot be written, record() fails with AUDIT_UNAVAILABLE")
  void failsClosed() {
    append(1);
    await(server.verticle().store().close());
    ApiException e = assertThrows(ApiException.class, () -> await(audit.record(event("u", "after close"))));
    assertEquals(ErrorCode.AUDIT_UNAVAILABLE, e.code());
  }

  private void append(int n) {
    List<Future<Void>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) all.add(audit.record(event("user-" + (i % 3), "n" + i)));
    await(Future.all(all));
  }

  private static AuditEvent event(String userId, String detail) {
    return new AuditEvent(Instant.now(), userId, "name-" + userId, "specialist", "hospital-1", AuditAction.READ,
        "patient", "p-1", "p-1", AuditOutcome.SUCCESS, "127.0.0.1", "req-" + detail, detail);
  }
}
