package io.aftercare.directory.setup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code AFTERCARE_ADMIN_EMAIL} and {@code AFTERCARE_ADMIN_PASSWORD} create the admin without a browser, when no
 * account exists yet (automation, containers). Once any account exists they are ignored.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final SetupService setup;
    private final String email;
    private final String password;

    AdminBootstrap(SetupService setup, @Value("${aftercare.admin.email:}") String email,
                   @Value("${aftercare.admin.password:}") String password) {
        this.setup = setup;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank() || password.isEmpty() || !setup.needed()) {
            return;
        }
        String name = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        setup.createAdmin(name, email, "UTC", password, false)
            .ifPresent(admin -> log.info("Created the admin account {} from configuration", admin.id()));
    }
}
