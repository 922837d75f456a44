package org.consilium.emr.delivery;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.store.Page;
import org.consilium.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reliable delivery of signed reports to the hospital EMR (an outbox). A signing announced on
 * {@value #ADDRESS} is written to the outbox durably before the announcer gets its answer; deliverers (on every
 * enqueue and every poll) claim due entries with a lease and POST their transaction Bundle to the EMR; an entry
 * leaves the queue only on a 2xx. Network errors, timeouts, 408, 429 and 5xx are retried with back-off; any other
 * 4xx is the EMR refusing the content, which retrying cannot fix: the entry waits for an administrator.
 */
public final class EmrDelivery {

  /** Where the report capability announces a signed report version. */
  public static final String ADDRESS = "consilium.emr.report-signed";
  static final String RESOURCE = "emr-delivery";

  private static final Logger LOG = LoggerFactory.getLogger(EmrDelivery.class);

  private final Vertx vertx;
  private final DeliveryConfig config;
  private final Store store;
  private final OutboxStore outbox;
  private final AuditTrail audit;
  private final WebClient client;
  private MessageConsumer<JsonObject> consumer;
  private long timer = -1;
  private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean stopped;

  private EmrDelivery(Vertx vertx, DeliveryConfig config, Store store, AuditTrail audit) {
    this.vertx = vertx;
    this.config = config;
    this.store = store;
    this.outbox = new OutboxStore(store);
    this.audit = audit;
    this.client = config.enabled() ? WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) config.timeout().toMillis()).setIdleTimeout((int) config.timeout().toSeconds() + 1)
        .setFollowRedirects(false).setUserAgent("Consilium")) : null;
  }

  /** Creates the outbox; when delivery is enabled also listens for signings and starts delivering what is due. */
  public static Future<EmrDelivery> start(Vertx vertx, DeliveryConfig config, Store store, AuditTrail audit) {
    return store.ensureIndexes(OutboxStore.COLLECTION, OutboxStore.indexes()).map(v -> {
      EmrDelivery d = new EmrDelivery(vertx, config, store, audit);
      if (config.enabled()) {
        d.consumer = vertx.eventBus().consumer(ADDRESS, d::signed);
        d.timer = vertx.setPeriodic(config.poll().toMillis(), t -> d.pump());
        vertx.runOnContext(x -> d.pump());
      }
      return d;
    });
  }

  private void signed(Message<JsonObject> message) {
    Enqueue request;
    try {
      request = Enqueue.from(message.body());
    } catch (IllegalArgumentException e) {
      message.fail(400, e.getMessage());
      return;
    }
    String id = OutboxEntry.idOf(request.reportId(), request.version());
    store.write(() -> outbox.insertIfAbsent(id, request.patientId(), request.reportId(), request.version(), request.bundle(), Instant.now()))
        .onSuccess(created -> {
          message.reply(new JsonObject().put("outboxId", id).put("created", created));
          if (created) pump();
        })
        .onFailure(e -> {
          LOG.atError().addKeyValue("outboxId", id).addKeyValue("error", e.getClass().getSimpleName()).log("A signed report could not be queued for the EMR");
          message.fail(503, "the report could not be queued for the EMR; announce it again");
        });
  }

  /** Starts deliverer loops up to the configured concurrency; each runs until nothing is due. */
  private void pump() {
    while (!stopped) {
      int now = running.get();
      if (now >= config.concurrency()) return;
      if (running.compareAndSet(now, now + 1)) next();
    }
  }

  private void next() {
    if (stopped) {
      running.decrementAndGet();
      return;
    }
    Instant now = Instant.now();
    String claim = UUID.randomUUID().toString();
    store.write(() -> outbox.claimDue(now, now.plus(config.lease()), claim))
        .compose(entry -> entry == null ? Future.succeededFuture(false) : attempt(entry, claim).map(true))
        .onComplete(r -> {
          if (r.succeeded() && r.result()) {
            next();
          } else {
            if (r.failed()) LOG.atWarn().addKeyValue("error", r.cause().getClass().getSimpleName()).log("EMR outbox unavailable; retrying on the next poll");
            running.decrementAndGet();
          }
        });
  }

  private Future<Void> attempt(OutboxEntry entry, String claim) {
    var request = client.postAbs(config.url().toString()).timeout(config.timeout().toMillis())
        .putHeader("Content-Type", "application/fhir+json").putHeader("Accept", "application/fhir+json")
        .putHeader("X-Request-Id", entry.requestId());
    if (!config.authorization().isEmpty()) request.putHeader("Authorization", config.authorization());
    return request.sendBuffer(Buffer.buffer(entry.bundle()))
        .map(Outcome::of)
        .otherwise(e -> Outcome.retry(null, "no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), null))
        .compose(outcome -> settle(entry, claim, outcome));
  }

  private Future<Void> settle(OutboxEntry entry, String claim, Outcome outcome) {
    Instant now = Instant.now();
    OutboxEntry.State state = outcome.state();
    Instant next = null;
    if (state == OutboxEntry.State.PENDING) {
      if (entry.attempts() >= config.maxAttempts()) {
        state = OutboxEntry.State.EXHAUSTED;
      } else {
        Duration wait = config.backoff(entry.attempts(), ThreadLocalRandom.current().nextDouble());
        if (outcome.retryAfter() != null && outcome.retryAfter().compareTo(wait) > 0) wait = outcome.retryAfter();
        next = now.plus(wait);
      }
    }
    OutboxEntry.State settled = state;
    Instant nextAttempt = next;
    return store.write(() -> outbox.settle(entry.id(), claim, settled, outcome.status(), outcome.error(), nextAttempt, now))
        .compose(kept -> {
          if (!kept) return Future.succeededFuture();
          if (settled != OutboxEntry.State.PENDING && settled != OutboxEntry.State.DELIVERED) {
            LOG.atWarn().addKeyValue("outboxId", entry.id()).addKeyValue("state", settled.wire()).addKeyValue("status", outcome.status())
                .log("A report could not be delivered to the EMR; an administrator must look at the outbox");
          }
          return settled == OutboxEntry.State.PENDING ? Future.succeededFuture() : audit.record(new AuditEvent(now, null, "emr-delivery", "system",
              null, AuditAction.EXPORT, RESOURCE, entry.id(), entry.patientId(),
              settled == OutboxEntry.State.DELIVERED ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, null, entry.requestId(),
              settled.wire() + " attempts=" + entry.attempts() + (outcome.status() == null ? "" : " status=" + outcome.status())));
        });
  }

  /** The queue, newest first, optionally of one state. */
  Future<Page<OutboxEntry>> list(OutboxEntry.State state, Page.Request page) {
    return store.read(() -> outbox.list(state, page));
  }

  Future<OutboxEntry> find(String id) {
    return store.read(() -> outbox.find(id));
  }

  /** Makes the entry due now (null if it is delivered, being sent, or unknown) and wakes the deliverers. */
  Future<OutboxEntry> retry(String id) {
    return store.write(() -> outbox.retry(id, Instant.now())).onSuccess(e -> {
      if (e != null && config.enabled()) vertx.runOnContext(v -> pump());
    });
  }

  boolean enabled() {
    return config.enabled();
  }

  public Future<Void> stop() {
    stopped = true;
    if (timer >= 0) vertx.cancelTimer(timer);
    Future<Void> unregistered = consumer == null ? Future.succeededFuture() : consumer.unregister();
    return unregistered.onComplete(r -> {
      if (client != null) client.close();
    });
  }
}
