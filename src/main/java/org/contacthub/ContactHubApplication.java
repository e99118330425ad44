package org.contacthub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Contact Hub: the routes in {@code routes/}, the settings in {@code config/}. */
@SpringBootApplication
public class ContactHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContactHubApplication.class, args);
    }
}
