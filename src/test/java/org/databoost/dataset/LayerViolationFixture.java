package org.databoost.dataset;

import java.nio.file.Path;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;

/**
 * A deliberate break of docs/architecture.md's table for {@code DependencyTableTest}: {@code
 * dataset} may use {@code imaging} and {@code task} only, and this opens a workspace. Never called.
 */
public final class LayerViolationFixture {
  private LayerViolationFixture() {}

  static Workspace open(Path root, WorkspaceOptions options) throws Exception {
    return Workspace.open(root, options);
  }
}
