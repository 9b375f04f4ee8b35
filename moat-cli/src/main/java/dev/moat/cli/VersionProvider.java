package dev.moat.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, so {@code --version} matches the build. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"moat " + version()};
  }

  /** The implementation version, or {@code dev} when run from classes. */
  static String version() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0" : v;
  }
}
