package org.consilium.bench;

import static org.consilium.testdata.Consultation.expect;
import static org.consilium.testdata.PatientData.aPatient;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.consilium.access.Role;
import org.consilium.emr.fhir.FhirDocuments;
import org.consilium.testdata.Consultation;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.GeneratedDocs;
import org.consilium.testing.TestServer;

/**
 * {@code ./consilium bench emr}: what signing a consultation report costs over HTTP (minutes PDF, canonical FHIR
 * JSON, two detached CMS signatures, the transaction Bundle validated against R4, storage, audit), side by side with
 * its reference, exporting the same minutes as an unsigned PDF; and the cost of reading the record as FHIR.
 * Prints a table and rewrites the emr section of docs/performance.md.
 */
public final class EmrBench {

  private EmrBench() {
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    try (TestServer server = TestServer.create().start()) {
      Staff doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
      String central = Staff.newHospital(server, "Bệnh viện Bạch Mai");
      Staff chair = Staff.in(server, central, Role.SPECIALIST);
      Staff member = Staff.in(server, central, Role.SPECIALIST);
      Staff admin = Staff.in(server, central, Role.ADMINISTRATOR);
      String patient = aPatient().named("Nguyễn Văn Đo").born(1966, 1, 9).sex("male").create(doctor.api()).getString("id");
      List<String> requests = new ArrayList<>();
      for (int i = 0; i < n + 1; i++) {
        requests.add(Consultation.withSignedMinutes(doctor.api(), chair.api(), member.userId(), chair.userId(), admin.api(), patient, central));
      }
      ApiClient api = chair.api();
      long coldStart = System.nanoTime();
      TestServer.await(new FhirDocuments(server.vertx(), 1, server.baseUrl() + "/fhir").validate("{\"resourceType\":\"Basic\",\"code\":{\"text\":\"warm-up\"}}"));
      double cold = (System.nanoTime() - coldStart) / 1e6;
      expect(api.post("/api/consultations/" + requests.get(n) + "/reports", null), 201);
      List<String> rows = new ArrayList<>();
      int[] next = {0};
      rows.add(row("reference: `GET …/minutes/pdf` (unsigned export)", time(n, () -> api.sendBytes("GET",
          "/api/consultations/" + requests.get(next[0]++ % n) + "/minutes/pdf", null, null, null).status(), 200)));
      next[0] = 0;
      rows.add(row("`POST …/reports` (sign report + PDF, validate bundle, store, audit)", time(n, () ->
          api.post("/api/consultations/" + requests.get(next[0]++) + "/reports", null).status(), 201)));
      rows.add(row("`GET …/reports` (verify both signatures)", time(n, () ->
          api.get("/api/consultations/" + requests.get(0) + "/reports").status(), 200)));
      rows.add(row("`GET /fhir/DiagnosticReport?patient=` (" + (n + 1) + " reports)", time(n, () ->
          api.get("/fhir/DiagnosticReport?patient=" + patient).status(), 200)));
      rows.add(row("`GET /fhir/Patient/{id}` JSON", time(n, () -> api.get("/fhir/Patient/" + patient).status(), 200)));
      rows.add(row("`GET /fhir/Patient/{id}` XML", time(n, () -> api.get("/fhir/Patient/" + patient + "?_format=xml").status(), 200)));
      String section = "Measured " + Instant.now().toString().substring(0, 10) + " on " + Runtime.getRuntime().availableProcessors()
          + " cores (load average " + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
          + " at the end: other work shared the machine), embedded store, one caller, " + n + " calls per row; the patient's record"
          + " holds " + (n + 1) + " consultations. Loading the R4 specification into the validator (once per"
          + String.format(" JVM, on the first signature) took %.0f ms, then one signature warmed up (neither in the table).%n%n", cold)
          + "| operation | calls | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n" + String.join("", rows);
      System.out.println(section);
      System.setProperty("consilium.updateDocs", "true");
      GeneratedDocs.assertSection("performance.md", "emr", section);
    }
  }

  private static double[] time(int n, Supplier<Integer> call, int expected) {
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      int status = call.get();
      ms[i] = (System.nanoTime() - start) / 1e6;
      if (status != expected) throw new IllegalStateException("expected " + expected + ", got " + status);
    }
    Arrays.sort(ms);
    return ms;
  }

  private static String row(String what, double[] sorted) {
    int n = sorted.length;
    return String.format("| %s | %d | %.1f | %.1f | %.1f |%n", what, n, sorted[n / 2], sorted[Math.min(n - 1, (int) (n * 0.95))], sorted[n - 1]);
  }
}
