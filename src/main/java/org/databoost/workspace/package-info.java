/**
 * The write-ahead journaled workspace: the only code that moves, adds or trashes dataset files.
 *
 * <p>On disk, under {@code DIR/.databoost/} (or, for a read-only dataset, under {@code <data
 * dir>/workspaces/<first 16 hex of sha256(absolute path)>/}):
 *
 * <pre>
 * catalog.sqlite[-wal|-shm]     catalog and journal in one SQLite file (PRAGMA user_version)
 * lock                          held with FileChannel.tryLock by the one writer
 * staging/                      flushed copies of images being added, before their intent
 * trash/&lt;op id&gt;/&lt;path&gt;          files deleted by operation &lt;op id&gt;, at their old relative path
 * catalog.corrupt-&lt;time&gt;.sqlite a damaged catalog, kept aside when it was rebuilt
 * </pre>
 *
 * <p>Every operation is a list of {@code src -> dst} moves committed to the journal before the
 * first file moves; opening the workspace completes or rolls back an interrupted one, judging each
 * step by what is on disk.
 */
package org.databoost.workspace;
