package dev.brokerwatch.compiler.audit.inventory;

/** A line of an inventory file that cannot be read: names the file and line. */
public final class InventoryFormatException extends RuntimeException {
    public InventoryFormatException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }
}
