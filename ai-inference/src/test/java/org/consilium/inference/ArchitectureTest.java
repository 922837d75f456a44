package org.consilium.inference;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ai-inference's own rules: DJL stays in one package, and the module knows nothing of the server. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.consilium.inference");
  }

  @Test
  @DisplayName("only the djl package imports DJL")
  void djlInOnePackage() {
    noClasses().that().resideOutsideOfPackage("org.consilium.inference.djl..")
        .should().dependOnClassesThat().resideInAPackage("ai.djl..").check(classes);
  }

  @Test
  @DisplayName("pre- and post-processing and the registry never reach the engine package")
  void plainJavaWithoutEngine() {
    noClasses().that().resideOutsideOfPackage("org.consilium.inference.djl..")
        .should().dependOnClassesThat().resideInAPackage("org.consilium.inference.djl..").check(classes);
  }

  @Test
  @DisplayName("no server, HTTP, database or DICOM toolkit")
  void knowsNothingOfTheServer() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.mongodb..", "org.bson..",
        "com.pixelmed..", "org.consilium.server..", "org.consilium.http..", "org.consilium.store..").check(classes);
  }
}
