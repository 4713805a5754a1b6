package io.aftercare.identity.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser sessions stay in the database (Spring Session JDBC: any instance serves any request, and signing someone
 * out of every browser finds their sessions by principal name), but a request that changes nothing in its session
 * no longer writes it. Spring Session marks a session changed on every request because its last access moved, and
 * so wrote the session row once per page. Here the last access is moved only when the stored one is at least
 * {@link #LAST_ACCESS_GRANULARITY} old: a session that idles out (server.servlet.session.timeout, 12 hours) may end
 * up to that much earlier; attributes that change are written as before (docs/decisions/0051).
 *
 * <p>Nor is the session read twice a request. Spring Session, once it has saved a request's session, asks the store
 * again whether the session the browser named exists (to decide whether to send the cookie again), and so read the
 * session and its attributes a second time on every page. Within one request (and only there, {@link
 * #sessionReadOnceARequest}) the session just saved answers that question (docs/decisions/0065).
 */
@Configuration(proxyBeanMethods = false)
class QuietSessions {

    static final Duration LAST_ACCESS_GRANULARITY = Duration.ofMinutes(1);

    /**
     * Opens, around Spring Session's own filter, the span in which the session a request saved is remembered; it
     * is forgotten when the request ends, so nothing passes from one request to the next.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionReadOnceARequest() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                FilterChain chain) throws ServletException, IOException {
                    Saved previous = Saved.CURRENT.get();
                    Saved.CURRENT.set(new Saved());
                    try {
                        chain.doFilter(request, response);
                    } finally {
                        if (previous == null) {
                            Saved.CURRENT.remove();
                        } else {
                            Saved.CURRENT.set(previous);
                        }
                    }
                }
            });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    /** The session this request last saved, while a request is under way on this thread. */
    static final class Saved {

        static final ThreadLocal<Saved> CURRENT = new ThreadLocal<>();

        private Session session;

        /** Remembers a saved session, when a request is under way. */
        static void remember(Session saved) {
            Saved current = CURRENT.get();
            if (current != null) {
                current.session = saved;
            }
        }

        /** The session this request saved with this id, or null (then the store is asked). */
        @SuppressWarnings("unchecked")
        static <S extends Session> S find(String id) {
            Saved current = CURRENT.get();
            return current == null || current.session == null || !current.session.getId().equals(id)
                ? null : (S) current.session;
        }

        /** Forgets a session that is deleted. */
        static void forget(String id) {
            if (find(id) != null) {
                CURRENT.get().session = null;
            }
        }
    }

    @Bean
    static BeanPostProcessor quietSessionRepository() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof FindByIndexNameSessionRepository<?> repository && !(bean instanceof Repository)) {
                    return new Repository<>((FindByIndexNameSessionRepository<Session>) repository);
                }
                return bean;
            }
        };
    }

    /** The store, handing out sessions whose last access moves only in steps of the granularity. */
    static final class Repository<S extends Session> implements FindByIndexNameSessionRepository<Quiet<S>>,
        DisposableBean {

        private final FindByIndexNameSessionRepository<S> store;

        Repository(FindByIndexNameSessionRepository<S> store) {
            this.store = store;
        }

        @Override
        public Quiet<S> createSession() {
            return new Quiet<>(store.createSession());
        }

        @Override
        public void save(Quiet<S> session) {
            store.save(session.stored);
            Saved.remember(session);
        }

        @Override
        public Quiet<S> findById(String id) {
            Quiet<S> saved = Saved.find(id);
            if (saved != null) {
                return saved;
            }
            S found = store.findById(id);
            return found == null ? null : new Quiet<>(found);
        }

        @Override
        public void deleteById(String id) {
            Saved.forget(id);
            store.deleteById(id);
        }

        @Override
        public Map<String, Quiet<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, Quiet<S>> found = new LinkedHashMap<>();
            store.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, s) -> found.put(id, new Quiet<>(s)));
            return found;
        }

        @Override
        public void destroy() throws Exception {
            if (store instanceof DisposableBean disposable) {
                disposable.destroy();
            }
        }
    }

    /** A stored session whose last access is left alone while it is younger than the granularity. */
    static final class Quiet<S extends Session> implements Session {

        private final S stored;

        Quiet(S stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            Instant last = stored.getLastAccessedTime();
            if (last == null || !lastAccessedTime.isBefore(last.plus(LAST_ACCESS_GRANULARITY))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
