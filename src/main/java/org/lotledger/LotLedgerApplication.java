package org.lotledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class LotLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LotLedgerApplication.class, args);
    }
}
