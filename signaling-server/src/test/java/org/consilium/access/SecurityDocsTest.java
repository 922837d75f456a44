package org.consilium.access;

import org.consilium.testing.GeneratedDocs;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecurityDocsTest {

  @Test
  @DisplayName("docs/security.md lists every endpoint with the roles it allows (regenerate: -Dconsilium.updateDocs=true)")
  void endpointTableIsCurrent() {
    try (TestServer server = TestServer.create().start()) {
      GeneratedDocs.assertSection("security.md", "endpoints", EndpointTable.render(server.verticle().endpoints().sorted()));
    }
  }
}
