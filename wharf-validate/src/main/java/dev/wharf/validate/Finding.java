package dev.wharf.validate;

import java.util.Objects;

/**
 * One problem in the tree. {@code file} is relative to the validated directory; {@code object}
 * and {@code path} are empty when the problem is not about one object (a file that does not
 * parse, a kustomization that does not build). {@code line} is 1-based, 0 when unknown.
 */
public record Finding(String rule, String file, ObjectRef object, String path, String message, String fix, int line) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    file = file == null ? "" : file;
    path = path == null ? "" : path;
    message = message == null ? "" : message;
    fix = fix == null ? "" : fix;
  }

  public Finding(String rule, String file, ObjectRef object, String path, String message, String fix) {
    this(rule, file, object, path, message, fix, 0);
  }

  public Finding withLine(int newLine) {
    return new Finding(rule, file, object, path, message, fix, newLine);
  }

  public Finding withFile(String newFile) {
    return new Finding(rule, newFile, object, path, message, fix, line);
  }

  public static Finding ofFile(String rule, String file, String message, String fix) {
    return new Finding(rule, file, null, "", message, fix);
  }

  /** "Kind/namespace/name" or "" when the finding is not about one object. */
  public String objectName() {
    return object == null ? "" : object.toString();
  }
}
