package org.consilium.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

  @TempDir Path dir;
  private final FakeDetectors loader = new FakeDetectors();

  private static List<String> names(List<ModelCard> cards) {
    return cards.stream().map(ModelCard::name).toList();
  }

  @Test
  void loadsEveryCardAndActivatesTheNewestVersionOfThePreferredModel() {
    Cards.write(dir, "lesion-unet", "1.9.0", 16);
    Cards.write(dir, "lesion-unet", "1.10.0", 16);
    Cards.write(dir, "other", "3.0.0", 16);
    try (ModelRegistry registry = new ModelRegistry(dir, loader, 2, "lesion-unet")) {
      ModelRegistry.Reload r = registry.reload();
      assertEquals(List.of("lesion-unet 1.9.0", "lesion-unet 1.10.0", "other 3.0.0"), names(r.models()));
      assertTrue(r.problems().isEmpty(), r.problems().toString());
      assertEquals("lesion-unet 1.10.0", registry.active().orElseThrow().name());
    }
  }

  @Test
  void switchesTheActiveModelWithoutReloadingAndRefusesAnUnknownOne() {
    Cards.write(dir, "lesion-unet", "1.0.0", 16);
    Cards.write(dir, "lesion-unet", "2.0.0", 16);
    try (ModelRegistry registry = new ModelRegistry(dir, loader, 1, "")) {
      registry.reload();
      assertEquals("lesion-unet 1.0.0", registry.activate("lesion-unet", "1.0.0").name());
      try (ModelRegistry.Lease lease = registry.lease()) {
        assertEquals("1.0.0", lease.card().version());
      }
      InferenceException e = assertThrows(InferenceException.class, () -> registry.activate("lesion-unet", "9"));
      assertEquals(InferenceException.Reason.MODEL_UNAVAILABLE, e.reason());
      assertEquals("lesion-unet 1.0.0", registry.active().orElseThrow().name(), "a failed switch changes nothing");
      assertEquals(2, loader.opened.size());
    }
  }

  @Test
  void reloadAddsNewCardsKeepsUnchangedModelsAndFreesRemovedOnesAfterTheirLastFrame() throws IOException {
    Path first = Cards.write(dir, "lesion-unet", "1.0.0", 16);
    try (ModelRegistry registry = new ModelRegistry(dir, loader, 1, "lesion-unet 1.0.0")) {
      registry.reload();
      FakeDetectors.Fake v1 = loader.last("lesion-unet 1.0.0");
      ModelRegistry.Lease inFlight = registry.lease();

      Cards.write(dir, "lesion-unet", "1.1.0", 16);
      Files.delete(first);
      ModelRegistry.Reload r = registry.reload();
      assertEquals(List.of("lesion-unet 1.1.0"), names(r.models()));
      assertEquals("lesion-unet 1.1.0", registry.active().orElseThrow().name(), "the removed active model is replaced");
      assertFalse(v1.closed, "a frame still runs on the removed model");
      inFlight.close();
      assertTrue(v1.closed, "freed after its last frame");

      registry.reload();
      assertEquals(2, loader.opened.size(), "an unchanged model is not loaded again");
    }
  }

  @Test
  void aBrokenCardIsReportedAndTheOthersStillLoad() throws IOException {
    Cards.write(dir, "good", "1.0.0", 16);
    Files.writeString(dir.resolve("broken" + ModelCard.SUFFIX), "{\"id\": \"broken\"}");
    Path lonely = Cards.write(dir, "lonely", "1.0.0", 16);
    Files.delete(lonely.resolveSibling("lonely-1.0.0.pt"));
    try (ModelRegistry registry = new ModelRegistry(dir, loader, 1, null)) {
      ModelRegistry.Reload r = registry.reload();
      assertEquals(List.of("good 1.0.0"), names(r.models()));
      assertEquals(2, r.problems().size(), r.problems().toString());
      assertTrue(r.problems().get(0).startsWith("broken.card.json: model card broken.card.json is invalid"), r.problems().get(0));
      assertTrue(r.problems().get(1).contains("model file lonely-1.0.0.pt is missing"), r.problems().get(1));
    }
  }

  @Test
  void withoutAnyModelALeaseIsAClearError() {
    try (ModelRegistry registry = new ModelRegistry(dir.resolve("absent"), loader, 1, null)) {
      assertTrue(registry.reload().problems().get(0).contains("does not exist"));
      assertEquals(InferenceException.Reason.MODEL_UNAVAILABLE, assertThrows(InferenceException.class, registry::lease).reason());
    }
  }

  @Test
  void versionsCompareNumberByNumber() {
    assertTrue(ModelRegistry.compareVersions("1.10.0", "1.9.2") > 0);
    assertTrue(ModelRegistry.compareVersions("2", "1.99") > 0);
    assertEquals(0, ModelRegistry.compareVersions("1.0", "1.0.0"));
  }
}
