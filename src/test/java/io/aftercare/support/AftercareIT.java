package io.aftercare.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real server port and a database of its own (H2 or PostgreSQL, see
 * {@link TestDatabase}), with an admin {@value TestApi#ADMIN_EMAIL} created from configuration. Passwords are
 * hashed at BCrypt's lowest cost ({@link QuickPasswords}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TestDatabase.class, QuickPasswords.class, PausedScheduler.class})
@ActiveProfiles("test")
public @interface AftercareIT {
}
