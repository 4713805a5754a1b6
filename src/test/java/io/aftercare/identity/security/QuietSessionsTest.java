package io.aftercare.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/**
 * The session a request has just saved answers Spring Session's second question about it ("does the session the
 * browser named exist?") without reading it again; outside a request, and once a request is over, the store is
 * asked every time, so a session signed out elsewhere is never taken from memory.
 */
class QuietSessionsTest {

    /** A store that counts its reads. */
    static final class Store implements FindByIndexNameSessionRepository<MapSession> {
        final Map<String, MapSession> sessions = new HashMap<>();
        int reads;

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            sessions.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            reads++;
            MapSession found = sessions.get(id);
            return found == null ? null : new MapSession(found);
        }

        @Override
        public void deleteById(String id) {
            sessions.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    final Store store = new Store();
    final QuietSessions.Repository<MapSession> repository = new QuietSessions.Repository<>(store);

    void duringARequest(Runnable work) throws Exception {
        new QuietSessions().sessionReadOnceARequest().getFilter().doFilter(new MockHttpServletRequest(),
            new MockHttpServletResponse(), (request, response) -> work.run());
    }

    @Test
    void withinARequestTheSessionJustSavedIsNotReadAgain() throws Exception {
        var session = repository.createSession();
        session.setAttribute("who", "kim");
        repository.save(session);
        int reads = store.reads;

        duringARequest(() -> {
            var found = repository.findById(session.getId());
            found.setAttribute("seen", true);
            repository.save(found);
            assertThat(repository.findById(session.getId())).isSameAs(found);
        });

        assertThat(store.reads).isEqualTo(reads + 1);
        assertThat(store.sessions.get(session.getId()).<Boolean>getAttribute("seen")).isTrue();
    }

    @Test
    void aSessionDeletedOrAskedForAfterTheRequestIsReadFromTheStore() throws Exception {
        var session = repository.createSession();
        repository.save(session);

        duringARequest(() -> {
            repository.save(repository.findById(session.getId()));
            repository.deleteById(session.getId());
            assertThat(repository.findById(session.getId())).isNull();
        });

        repository.save(session);
        int reads = store.reads;
        assertThat(repository.findById(session.getId())).isNotNull();
        assertThat(store.reads).isEqualTo(reads + 1);
        assertThat(QuietSessions.Saved.CURRENT.get()).isNull();
    }
}
