package org.staffroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.staffroom.backup.BackupCommand;

/** Starts Staffroom; {@code backup} and {@code restore} as the first argument run those instead of the server. */
@SpringBootApplication
public class StaffroomApplication {

    public static void main(String[] args) {
        if (BackupCommand.handles(args)) {
            System.exit(BackupCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(StaffroomApplication.class, args);
    }
}
