package org.consilium.security;

import java.net.URI;
import org.consilium.config.ConfigException;
import org.consilium.config.Settings;

/**
 * Single sign-on settings. An empty issuer turns SSO off.
 *
 * @param publicUrl where users reach Consilium: the redirect URI and the web app are under it
 */
record OidcConfig(String issuer, String clientId, String clientSecret, String usernameClaim, String publicUrl) {

  static final String CALLBACK_PATH = "/api/auth/sso/callback";

  static OidcConfig from(Settings s, URI publicUrl) {
    String issuer = stripSlash(s.string("OIDC_ISSUER"));
    String clientId = s.string("OIDC_CLIENT_ID");
    if (!issuer.isEmpty()) {
      if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
        throw new ConfigException("OIDC_ISSUER", "must be the issuer's URL, such as https://sso.hospital.vn/realms/consilium");
      }
      if (clientId.isEmpty()) throw new ConfigException("OIDC_CLIENT_ID", "is required when OIDC_ISSUER is set");
    }
    String claim = s.string("OIDC_USERNAME_CLAIM");
    if (claim.isEmpty()) throw new ConfigException("OIDC_USERNAME_CLAIM", "must name an ID token claim");
    return new OidcConfig(issuer, clientId, s.string("OIDC_CLIENT_SECRET"), claim, stripSlash(publicUrl.toString()));
  }

  boolean enabled() {
    return !issuer.isEmpty();
  }

  /** The redirect URI to register at the issuer. */
  String redirectUri() {
    return publicUrl + CALLBACK_PATH;
  }

  /** Where the browser lands after single sign-on: the web app, with the outcome in the URL fragment. */
  String appUrl(String fragment) {
    return publicUrl + "/#" + fragment;
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
