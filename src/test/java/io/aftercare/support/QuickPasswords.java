package io.aftercare.support;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.aftercare.identity.account.AccountService;

/**
 * Passwords set during a test are stored as BCrypt at cost 4 instead of production's 10. BCrypt checks a password at
 * the cost its stored hash names, so every sign-in and every HTTP Basic call of a test then takes about a
 * millisecond instead of 60–100 (tests make thousands: the authorization matrix alone some 700). Whether a password
 * matches is decided exactly as in production, by the application's own encoder, and a password over BCrypt's 72
 * bytes is still refused by it.
 *
 * <p>Benchmarks, which are measured as production runs, keep the production cost: the {@code bench} profile sets
 * {@code aftercare.test.production-passwords=true}.
 */
public class QuickPasswords implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final PasswordEncoder CHEAP = new BCryptPasswordEncoder(4);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (Boolean.getBoolean("aftercare.test.production-passwords")) {
            return;
        }
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof PasswordEncoder encoder && name.equals("passwordEncoder")
                    ? new Quick(encoder) : bean;
            }
        });
    }

    /** The application's encoder, except that what it stores is hashed at BCrypt's lowest cost. */
    private record Quick(PasswordEncoder application) implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            if (raw.toString().getBytes(StandardCharsets.UTF_8).length > AccountService.MAX_PASSWORD_BYTES) {
                return application.encode(raw); // refused there, as in production
            }
            return "{bcrypt}" + CHEAP.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return application.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return application.upgradeEncoding(encoded);
        }
    }
}
