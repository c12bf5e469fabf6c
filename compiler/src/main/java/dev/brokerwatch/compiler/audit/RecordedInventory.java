package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.compiler.audit.inventory.InventoryFormatException;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventory;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipException;

/** Reads the inventory {@code --jmx-inventory} names; whatever is wrong with the file is one line saying what to do. */
final class RecordedInventory {
    private static final String RECORD = "brokerwatch record --jmx URL --out FILE";

    private RecordedInventory() {
    }

    static MBeanInventory read(Path file) throws InvalidTargetException {
        String option = "--jmx-inventory " + file + ": ";
        if (Files.isDirectory(file)) {
            throw new InvalidTargetException(option + "is a folder; name the file " + RECORD + " wrote");
        }
        try {
            return MBeanInventory.read(file);
        } catch (NoSuchFileException e) {
            throw new InvalidTargetException(option + "no such file; record one with " + RECORD);
        } catch (AccessDeniedException e) {
            throw new InvalidTargetException(option + "cannot read it (permission denied)");
        } catch (EOFException e) {
            throw new InvalidTargetException(option + "the gzip data ends early: the file is truncated (copy it again, "
                    + "or re-record it with " + RECORD + ")");
        } catch (ZipException e) {
            throw new InvalidTargetException(option + "corrupt gzip data (" + e.getMessage() + "); copy it again, or re-record it with "
                    + RECORD);
        } catch (InventoryFormatException e) {
            // its message names the file and line already
            throw new InvalidTargetException("--jmx-inventory " + e.getMessage() + " (record one with " + RECORD + ")");
        } catch (IOException e) {
            throw new InvalidTargetException(option + "cannot read it (" + e.getMessage() + ")");
        }
    }
}
