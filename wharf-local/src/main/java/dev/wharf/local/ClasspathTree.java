package dev.wharf.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Copies a directory tree that ships inside a jar on the classpath (server binaries) to disk. */
final class ClasspathTree {

  private ClasspathTree() {}

  /**
   * Copies every resource under {@code prefix} (ending in '/') that {@code keep} accepts into
   * {@code target}; {@code probe} is one resource known to be in the tree, used to find its jar.
   */
  static void copy(String prefix, String probe, Path target, Predicate<String> keep) throws IOException {
    URL url = ClasspathTree.class.getClassLoader().getResource(prefix + probe);
    if (url == null) {
      throw new LocalRuntimeException("the server binaries (" + prefix + probe + ") are not on the classpath: "
          + "add the binaries jar to the dependencies of wharf-local's user");
    }
    if ("jar".equals(url.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) url.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          JarEntry entry = entries.nextElement();
          String name = entry.getName();
          if (entry.isDirectory() || !name.startsWith(prefix) || !keep.test(name.substring(prefix.length()))) {
            continue;
          }
          Path out = target.resolve(name.substring(prefix.length())).normalize();
          if (!out.startsWith(target)) {
            continue; // never write outside the target
          }
          Files.createDirectories(out.getParent());
          try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, out);
          }
        }
      }
    } else {
      Path root;
      try {
        root = Path.of(url.toURI()).getParent();
        for (int i = 0; i < probe.split("/").length - 1; i++) {
          root = root.getParent();
        }
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
      Path from = root;
      try (Stream<Path> files = Files.walk(from)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String relative = from.relativize(file).toString().replace('\\', '/');
          if (keep.test(relative)) {
            Path out = target.resolve(relative);
            Files.createDirectories(out.getParent());
            Files.copy(file, out);
          }
        }
      }
    }
  }
}
