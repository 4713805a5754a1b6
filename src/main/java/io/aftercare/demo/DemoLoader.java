package io.aftercare.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.aftercare.directory.SetupCompleted;

/** Loads the demo organisation: at start with {@code --demo}, or when the first admin asks for it. */
@Component
class DemoLoader {

    private final DemoOrganisation demo;

    DemoLoader(DemoOrganisation demo) {
        this.demo = demo;
    }

    /** Runs inside the transaction that created the admin, so the two happen together or not at all. */
    @EventListener
    void on(SetupCompleted setup) {
        if (setup.loadDemo()) {
            demo.load(false, setup.adminId());
        }
    }

    @Component
    @Profile("demo")
    @Order(10)
    static class AtStartup implements ApplicationRunner {

        private final DemoOrganisation demo;

        AtStartup(DemoOrganisation demo) {
            this.demo = demo;
        }

        @Override
        public void run(ApplicationArguments args) {
            demo.load(true);
        }
    }
}
