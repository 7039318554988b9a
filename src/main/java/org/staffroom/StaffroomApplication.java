package org.staffroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class StaffroomApplication {

    public static void main(String[] args) {
        SpringApplication.run(StaffroomApplication.class, args);
    }
}
