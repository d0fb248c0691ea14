package com.crossdock.local;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.SpringApplication;

@SpringBootApplication
public class LocalStack {
    public static void main(String[] args) {
        SpringApplication.run(LocalStack.class, args);
    }
}
