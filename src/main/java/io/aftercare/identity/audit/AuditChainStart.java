package io.aftercare.identity.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Chains the audit entries written before the log was a chain, once, when Aftercare starts. */
@Component
class AuditChainStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditChainStart.class);

    private final JdbcAuditLog audit;

    AuditChainStart(JdbcAuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        int chained = audit.chainUnchained();
        if (chained > 0) {
            log.info("Audit log: {} earlier entries joined the hash chain", chained);
        }
    }
}
