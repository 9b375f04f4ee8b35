package dev.moat.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One source in the {@code discover} section: a URL as the user writes it on the command line and
 * the account to read it with. The password is only a reference ({@code env:NAME} or {@code
 * file:PATH}), read when the source is opened and never echoed.
 *
 * @param url a JDBC URL, a {@code redis://} URL or a path
 * @param user the account, if not in the URL
 * @param password where the account's password is kept
 */
public record DiscoverSource(String url, Optional<String> user, Optional<SecretRef> password) {

  public DiscoverSource {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    url = url.trim();
    if (url.isEmpty()) {
      throw new ConfigException("url", "config.empty");
    }
    if (user.isPresent() && user.get().isBlank()) {
      throw new ConfigException("user", "config.empty");
    }
  }
}
