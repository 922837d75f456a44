package org.consilium.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Argon2id hashing (OWASP parameters: 19 MiB, 2 passes, 1 lane) on its own named worker pool: a hash takes
 * ~100 ms of CPU and must never run on an event loop, nor starve the store pool. Stored hashes carry their
 * own parameters (PHC string), so raising the cost later keeps old hashes verifiable.
 */
final class PasswordHasher {

  private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID,
      Argon2Function.ARGON2_VERSION_13);
  private static final int SALT_BYTES = 16;

  private final WorkerExecutor pool;
  private final String dummyHash;

  private PasswordHasher(WorkerExecutor pool, String dummyHash) {
    this.pool = pool;
    this.dummyHash = dummyHash;
  }

  static Future<PasswordHasher> create(Vertx vertx) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    WorkerExecutor pool = vertx.createSharedWorkerExecutor("password-hashing", threads, 30, TimeUnit.SECONDS);
    // A real hash of a random value: checking an unknown username against it costs what a wrong password costs.
    return pool.executeBlocking(() -> hashNow(OpaqueTokens.newToken()), false)
        .map(dummy -> new PasswordHasher(pool, dummy));
  }

  Future<String> hash(String password) {
    return pool.executeBlocking(() -> hashNow(password), false);
  }

  /** Checks a password against a stored hash; a null hash (unknown user) is checked against a dummy and fails. */
  Future<Boolean> matches(String password, String storedHash) {
    String target = storedHash == null ? dummyHash : storedHash;
    return pool.executeBlocking(() -> {
      boolean ok = Password.check(password, target).with(Argon2Function.getInstanceFromHash(target));
      return ok && storedHash != null;
    }, false);
  }

  Future<Void> close() {
    return pool.close();
  }

  private static String hashNow(String password) {
    return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2).getResult();
  }
}
