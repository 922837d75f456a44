package org.consilium;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The house rules of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.consilium");
  }

  @Test
  @DisplayName("capability packages do not depend on each other in a cycle")
  void noCycles() {
    slices().matching("org.consilium.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  @DisplayName("only the dicom package imports PixelMed")
  void pixelmedBehindDicom() {
    noClasses().that().resideOutsideOfPackage("org.consilium.dicom..")
        .should().dependOnClassesThat().resideInAPackage("com.pixelmed..").check(classes);
  }

  @Test
  @DisplayName("the dicom package is a toolkit adapter: it knows no capability, HTTP, store or Vert.x")
  void dicomKnowsNoCapability() {
    noClasses().that().resideInAPackage("org.consilium.dicom..")
        .should().dependOnClassesThat().resideInAnyPackage("org.consilium.imaging..", "org.consilium.patients..",
            "org.consilium.http..", "org.consilium.store..", "org.consilium.audit..", "io.vertx..")
        .check(classes);
  }

  @Test
  @DisplayName("only the emr.fhir package imports HAPI FHIR")
  void hapiBehindFhir() {
    noClasses().that().resideOutsideOfPackage("org.consilium.emr.fhir..")
        .should().dependOnClassesThat().resideInAPackage("ca.uhn.fhir..").check(classes);
    noClasses().that().resideOutsideOfPackage("org.consilium.emr.fhir..")
        .should().dependOnClassesThat().resideInAPackage("org.hl7.fhir..").check(classes);
  }

  @Test
  @DisplayName("only the emr.signing package imports BouncyCastle, and it knows no capability, HTTP, store or Vert.x")
  void bouncyCastleBehindSigning() {
    noClasses().that().resideInAPackage("org.consilium..").and().resideOutsideOfPackage("org.consilium.emr.signing..")
        .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..").check(classes);
    noClasses().that().resideInAPackage("org.consilium.emr.signing..")
        .should().dependOnClassesThat().resideInAnyPackage("org.consilium.patients..", "org.consilium.consultations..",
            "org.consilium.http..", "org.consilium.store..", "org.consilium.audit..", "io.vertx..")
        .check(classes);
  }

  @Test
  @DisplayName("the server never imports DJL: inference goes through the ai-inference module's API")
  void djlBehindInference() {
    noClasses().that().resideInAPackage("org.consilium..").and().resideOutsideOfPackage("org.consilium.inference..")
        .should().dependOnClassesThat().resideInAPackage("ai.djl..").check(classes);
  }

  @Test
  @DisplayName("storage and HTTP plumbing know no capability")
  void plumbingKnowsNoCapability() {
    noClasses().that().resideInAnyPackage("org.consilium.store..", "org.consilium.http..", "org.consilium.config..")
        .should().dependOnClassesThat().resideInAnyPackage("org.consilium.patients..", "org.consilium.security..",
            "org.consilium.audit..", "org.consilium.consultations..", "org.consilium.rooms..", "org.consilium.imaging..",
            "org.consilium.findings..", "org.consilium.emr..", "org.consilium.server..")
        .check(classes);
  }
}
