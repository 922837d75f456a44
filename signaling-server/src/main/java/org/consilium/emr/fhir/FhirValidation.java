package org.consilium.emr.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's instance validator against the R4 base specification, offline (the structure definitions and value sets
 * of hapi-fhir-validation-resources-r4; no terminology server). Built once per JVM, lazily, over the cached R4
 * context: loading the specification takes seconds and much memory, and the validator is stateless. Thread-safe; blocking.
 */
final class FhirValidation {

  private static volatile FhirValidator validator;

  private final FhirContext fhir;

  FhirValidation(FhirContext fhir) {
    this.fhir = fhir;
  }

  /** Messages of severity error or fatal, each "location: message". */
  List<String> errors(String resource) {
    return validator(fhir).validateWithResult(resource).getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
  }

  private static FhirValidator validator(FhirContext fhir) {
    FhirValidator v = validator;
    if (v != null) return v;
    synchronized (FhirValidation.class) {
      if (validator == null) {
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
            new CommonCodeSystemsTerminologyService(fhir), new InMemoryTerminologyServerValidationSupport(fhir),
            new SnapshotGeneratingValidationSupport(fhir));
        FhirValidator created = fhir.newValidator();
        created.registerValidatorModule(new FhirInstanceValidator(chain));
        validator = created;
      }
      return validator;
    }
  }
}
