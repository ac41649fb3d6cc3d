package org.socketintents.lab;

import java.util.Arrays;
import java.util.List;

import org.socketintents.lab.cli.Commands;
import org.socketintents.lab.cli.UsageException;
import org.socketintents.lab.topology.DescriptionException;

/** Entry point of the "lab" tool: dispatches to a sub-command and turns failures into a message and a status. */
public final class Lab {

    private static final int USAGE = 2;
    private static final int FAILURE = 1;

    private Lab() {
    }

    public static void main(String[] args) {
        // Figures are drawn without a display.
        System.setProperty("java.awt.headless", "true");
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) {
        if (args.isEmpty() || List.of("-h", "--help", "help").contains(args.get(0))) {
            System.out.print(Commands.usage());
            return args.isEmpty() ? USAGE : 0;
        }
        try {
            return Commands.named(args.get(0)).run(args.subList(1, args.size()));
        } catch (UsageException e) {
            System.err.println("lab: " + e.getMessage());
            System.err.print(Commands.usage());
            return USAGE;
        } catch (DescriptionException e) {
            System.err.println("lab: bad description: " + e.getMessage());
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILURE;
        } catch (Exception e) {
            System.err.println("lab: " + e.getMessage());
            return FAILURE;
        }
    }
}
