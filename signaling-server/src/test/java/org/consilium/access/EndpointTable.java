package org.consilium.access;

import java.util.List;
import org.consilium.http.Endpoint;

/** Renders the endpoint x role table of docs/security.md from the endpoint catalogue. */
final class EndpointTable {

  private EndpointTable() {
  }

  static String render(List<Endpoint> endpoints) {
    StringBuilder md = new StringBuilder();
    md.append("| Method | Path | What |");
    for (Role r : Role.values()) md.append(' ').append(r.wire()).append(" |");
    md.append(" Patient-scoped |\n|---|---|---|");
    md.append("---|".repeat(Role.values().length)).append("---|\n");
    for (Endpoint e : endpoints) {
      md.append("| ").append(e.method().name()).append(" | `").append(e.path()).append("` | ").append(e.summary()).append(" |");
      for (Role r : Role.values()) md.append(e.isPublic() ? " public |" : e.allows(r) ? " yes |" : " — |");
      md.append(e.patientPath() == null ? " |" : " `:" + e.patientPath() + "` |").append('\n');
    }
    return md.toString();
  }
}
