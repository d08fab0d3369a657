package org.databoost.app.common;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A background job that failed, as the error dialog shows it: what was being done, why it failed in
 * words, and the details (the stack trace, also written to the log file).
 */
public record Failure(String what, String message, String details) {
  public static Failure of(String what, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new Failure(what, message, trace.toString());
  }
}
