package org.databoost.cli;

import org.databoost.about.Version;
import picocli.CommandLine.IVersionProvider;

/** Answers {@code --version} on every command. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "Databoost " + Version.get(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
