package dev.wharf.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports: checking that one is free and picking a free one, for the servers and greeter. */
public final class Ports {

  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private Ports() {}

  /**
   * {@code requested}, checked to be free on loopback, or a free port when it is 0; a
   * {@link LocalRuntimeException} that says so when it is taken.
   */
  public static int claim(int requested) {
    if (requested < 0 || requested > 65535) {
      throw new LocalRuntimeException(
          "port " + requested + " is not a valid port: choose one from 1 to 65535, or 0 for any free port");
    }
    return requested == 0 ? pickFree() : checkFree(requested);
  }

  static int checkFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // As the servers bind: connections of a stopped run in TIME_WAIT must not count as "in use".
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
      return port;
    } catch (IOException e) {
      throw new LocalRuntimeException(inUse(port));
    }
  }

  static String inUse(int port) {
    return "port " + port + " on " + LOOPBACK.getHostAddress()
        + " is in use: stop the program using it, or choose another port";
  }

  static int pickFree() {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new LocalRuntimeException("no free port on " + LOOPBACK.getHostAddress() + ": " + e.getMessage(), e);
    }
  }
}
