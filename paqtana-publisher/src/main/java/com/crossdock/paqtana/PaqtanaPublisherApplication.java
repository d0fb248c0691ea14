package com.crossdock.paqtana;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.SpringApplication;

@SpringBootApplication
public class PaqtanaPublisherApplication {
    public static void main(String[] args) {
        SpringApplication.run(PaqtanaPublisherApplication.class, args);
    }
}
