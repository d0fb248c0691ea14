package com.crossdock.sandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.SpringApplication;

@SpringBootApplication
public class SandboxesApplication {
    public static void main(String[] args) {
        SpringApplication.run(SandboxesApplication.class, args);
    }
}
