package org.consilium.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.consilium.inference.InferenceException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every model described by a card in the models directory, loaded and versioned, with one active model
 * that analyses frames by default. {@link #activate} switches models and {@link #reload} picks up new,
 * changed and removed cards, both without a restart: frames already running finish on the model they
 * started with, whose memory is freed after the last of them.
 */
public final class ModelRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

  private final Path directory;
  private final Detector.Loader loader;
  private final int concurrency;
  private final String preferred;
  private final Object reloading = new Object();   // one reload at a time; loading runs outside the state lock
  private Map<String, Loaded> models = Map.of();   // by "id version"; replaced whole under this object's lock
  private Loaded active;

  /** The result of a (re)load: the models now available and the cards that could not be used. */
  public record Reload(List<ModelCard> models, List<String> problems) {}

  /**
   * @param preferred the model to activate first, as "id" (its newest version) or "id version"; null or
   *     blank for the newest version of the first id in name order
   */
  public ModelRegistry(Path directory, Detector.Loader loader, int concurrency, String preferred) {
    this.directory = directory;
    this.loader = loader;
    this.concurrency = concurrency;
    this.preferred = preferred == null ? "" : preferred.trim();
  }

  /**
   * Loads what the directory describes now; keeps models whose card and file are unchanged. Frames keep
   * running on the current models while new ones load.
   */
  public Reload reload() {
    synchronized (reloading) {
      return swap(load());
    }
  }

  private record Loading(Map<String, Loaded> next, List<String> problems) {}

  private Loading load() {
    Map<String, Loaded> current;
    synchronized (this) {
      current = models;
    }
    List<String> problems = new ArrayList<>();
    Map<String, Loaded> next = new LinkedHashMap<>();
    for (Path cardFile : cardFiles(problems)) {
      try {
        ModelCard card = ModelCard.read(cardFile);
        String stamp = stamp(cardFile) + "|" + stamp(card.file());
        if (next.containsKey(card.name())) {
          problems.add(cardFile.getFileName() + ": " + card.name() + " is already described by another card");
          continue;
        }
        Loaded old = current.get(card.name());
        if (old != null && old.stamp.equals(stamp)) {
          next.put(card.name(), old);
        } else {
          if (!Files.isRegularFile(card.file())) {
            throw new InferenceException(Reason.MODEL_UNAVAILABLE, "model file " + card.file().getFileName() + " is missing");
          }
          next.put(card.name(), new Loaded(card, loader.open(card, concurrency), stamp));
          LOG.info("loaded model {} from {}", card.name(), card.file().getFileName());
        }
      } catch (RuntimeException e) {
        problems.add(cardFile.getFileName() + ": " + e.getMessage());
        LOG.warn("model card {} not loaded: {}", cardFile.getFileName(), e.getMessage());
      }
    }
    return new Loading(next, problems);
  }

  private synchronized Reload swap(Loading loading) {
    Map<String, Loaded> next = loading.next();
    for (Loaded old : models.values()) {
      if (next.get(old.card.name()) != old) old.release();
    }
    models = Map.copyOf(next);
    String current = active == null ? preferred : active.card.name();
    active = pick(current).or(() -> pick(preferred)).or(() -> newest(null)).orElse(null);
    return new Reload(cards(), List.copyOf(loading.problems()));
  }

  /** The models loaded now, by id then version. */
  public synchronized List<ModelCard> cards() {
    return models.values().stream().map(l -> l.card)
        .sorted(Comparator.comparing(ModelCard::id).thenComparing(ModelCard::version, ModelRegistry::compareVersions))
        .toList();
  }

  public synchronized Optional<ModelCard> active() {
    return Optional.ofNullable(active).map(l -> l.card);
  }

  /** Makes "id" (newest version) or "id version" the model that analyses frames from now on. */
  public synchronized ModelCard activate(String id, String version) {
    String wanted = version == null || version.isBlank() ? id : id + " " + version;
    active = pick(wanted).orElseThrow(() -> new InferenceException(Reason.MODEL_UNAVAILABLE, "no model " + wanted + " is loaded"));
    LOG.info("active model is now {}", active.card.name());
    return active.card;
  }

  /** Borrows the active model for one frame; close the lease when done. */
  public Lease lease() {
    synchronized (this) {
      if (active == null) throw new InferenceException(Reason.MODEL_UNAVAILABLE, "no model is loaded from " + directory);
      if (active.acquire()) return new Lease(active);
    }
    throw new InferenceException(Reason.MODEL_UNAVAILABLE, "the model was unloaded; try again");
  }

  /** Frees every model once its frames in flight are done. */
  @Override
  public synchronized void close() {
    models.values().forEach(Loaded::release);
    models = Map.of();
    active = null;
  }

  /** One frame's hold on a model, so that a reload cannot free it mid-frame. */
  public static final class Lease implements AutoCloseable {
    private final Loaded model;
    private boolean open = true;

    private Lease(Loaded model) {
      this.model = model;
    }

    public ModelCard card() {
      return model.card;
    }

    public Detector detector() {
      return model.detector;
    }

    @Override
    public void close() {
      if (open) {
        open = false;
        model.release();
      }
    }
  }

  private Optional<Loaded> pick(String name) {
    if (name == null || name.isBlank()) return Optional.empty();
    Loaded exact = models.get(name);
    return exact != null ? Optional.of(exact) : newest(name);
  }

  private Optional<Loaded> newest(String id) {
    return models.values().stream().filter(l -> id == null || l.card.id().equals(id))
        .max(Comparator.comparing((Loaded l) -> l.card.id(), Comparator.reverseOrder())
            .thenComparing(l -> l.card.version(), ModelRegistry::compareVersions));
  }

  /** Versions compare number by number ("1.10.0" after "1.9.2"); other text compares as text. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      int c = p.matches("\\d{1,9}") && q.matches("\\d{1,9}") ? Integer.compare(Integer.parseInt(p), Integer.parseInt(q)) : p.compareTo(q);
      if (c != 0) return c;
    }
    return 0;
  }

  private List<Path> cardFiles(List<String> problems) {
    if (!Files.isDirectory(directory)) {
      problems.add("models directory " + directory + " does not exist");
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(ModelCard.SUFFIX)).sorted().toList();
    } catch (IOException e) {
      problems.add("cannot list " + directory + ": " + e.getMessage());
      return List.of();
    }
  }

  private static String stamp(Path file) {
    try {
      return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return "missing";
    }
  }

  /** A loaded model; the registry holds one reference and every lease one more. */
  private static final class Loaded {
    final ModelCard card;
    final Detector detector;
    final String stamp;
    private final AtomicInteger holders = new AtomicInteger(1);

    Loaded(ModelCard card, Detector detector, String stamp) {
      this.card = card;
      this.detector = detector;
      this.stamp = stamp;
    }

    boolean acquire() {
      for (int n = holders.get(); n > 0; n = holders.get()) {
        if (holders.compareAndSet(n, n + 1)) return true;
      }
      return false;
    }

    void release() {
      if (holders.decrementAndGet() == 0) {
        detector.close();
        LOG.info("unloaded model {}", card.name());
      }
    }
  }
}
