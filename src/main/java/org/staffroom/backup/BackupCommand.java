package org.staffroom.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.staffroom.backup.Backups.BackupException;
import org.staffroom.backup.Backups.Manifest;

/**
 * {@code java -jar staffroom.jar backup FILE} and {@code ... restore FILE}: the database the server would use
 * (the same configuration: STAFFROOM_DB_URL, STAFFROOM_DATA_DIR, ...), without starting the server. Exit code
 * 0 when done, 1 when it could not be done (the reason on standard error), 2 for a wrong command line.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || args[1].isBlank()) {
            err.println("Usage: backup FILE | restore FILE");
            return 2;
        }
        Path file = Path.of(args[1]);
        if (args[0].equals("restore") && !Files.isRegularFile(file)) {
            err.println("No such file: " + file);
            return 2;
        }
        SpringApplication application = new SpringApplication(DataSourceAutoConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = application.run("--logging.level.root=WARN")) {
            Backups backups = new Backups(context.getBean(DataSource.class));
            if (args[0].equals("backup")) {
                Manifest manifest = backup(backups, file);
                out.printf("Backed up %d tables, %d rows (schema %s) to %s%n", manifest.tables().size(),
                        manifest.tables().stream().mapToLong(Backups.Table::rows).sum(), manifest.schemaVersion(),
                        file);
            } else {
                Manifest manifest = backups.restore(file);
                out.printf("Restored %d tables, %d rows (schema %s) from %s%n", manifest.tables().size(),
                        manifest.tables().stream().mapToLong(Backups.Table::rows).sum(), manifest.schemaVersion(),
                        file);
            }
            return 0;
        } catch (BackupException e) {
            err.println(inUse(e) ? IN_USE : e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Could not " + args[0] + " " + file + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("Could not " + args[0] + ": " + explain(e));
            return 1;
        }
    }

    /** Writes beside the target, then moves it into place: a backup cut short never looks like a whole one. */
    private static Manifest backup(Backups backups, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            Manifest manifest = backups.backup(out);
            out.close();
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static final String IN_USE = "The H2 database is in use by a running server. Stop the server, then run this again.";

    /** H2 lets one process open its files at a time: the server's, while it runs. */
    private static boolean inUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "90020".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String explain(Throwable failure) {
        if (inUse(failure)) {
            return IN_USE;
        }
        return NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
    }
}
