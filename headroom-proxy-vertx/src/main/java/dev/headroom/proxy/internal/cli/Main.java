package dev.headroom.proxy.internal.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Entry point of the jlink image's {@code bin/headroom}: {@code headroom compress ARGS} runs {@link
 * CompressCommand}, {@code headroom proxy ARGS} runs {@link ProxyCommand}. Any other first argument
 * (a flag such as {@code --port}, or none at all) is read as proxy flags, as the image did when the
 * proxy was its only command.
 */
@API(status = INTERNAL, since = "0.1")
public final class Main {

  private Main() {}

  /**
   * @param args a command name and its arguments, or proxy flags alone
   */
  public static void main(String[] args) {
    String command = args.length == 0 ? "" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "compress" -> CompressCommand.main(rest);
      case "proxy" -> ProxyCommand.main(rest);
      default -> ProxyCommand.main(args);
    }
  }
}
