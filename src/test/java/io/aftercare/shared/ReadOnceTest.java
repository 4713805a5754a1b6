package io.aftercare.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A read is made once inside a page's scope, every time outside one, and nothing outlives the scope. */
class ReadOnceTest {

    @Test
    void insideAScopeTheSameReadIsMadeOnceAndAnotherKeyReadsAgain() {
        AtomicInteger reads = new AtomicInteger();
        int total = ReadOnce.during(() -> {
            int a = ReadOnce.read("test.count", "ana", reads::incrementAndGet);
            int b = ReadOnce.read("test.count", "ana", reads::incrementAndGet);
            int c = ReadOnce.read("test.count", "bo", reads::incrementAndGet);
            int d = ReadOnce.read("test.other", "ana", reads::incrementAndGet);
            // a nested scope is the same one
            int e = ReadOnce.during(() -> ReadOnce.read("test.count", "ana", reads::incrementAndGet));
            assertThat(a).isEqualTo(b).isEqualTo(e);
            assertThat(c).isNotEqualTo(a);
            assertThat(d).isNotEqualTo(c);
            return reads.get();
        });
        assertThat(total).isEqualTo(3);
    }

    @Test
    void outsideAScopeEveryReadGoesThroughAndNothingIsRememberedFromTheLastScope() {
        AtomicInteger reads = new AtomicInteger();
        ReadOnce.during(() -> ReadOnce.read("test.count", "ana", reads::incrementAndGet));
        assertThat(ReadOnce.read("test.count", "ana", reads::incrementAndGet)).isEqualTo(2);
        assertThat(ReadOnce.read("test.count", "ana", reads::incrementAndGet)).isEqualTo(3);
        assertThatThrownBy(() -> ReadOnce.during(() -> {
            ReadOnce.read("test.count", "ana", reads::incrementAndGet);
            throw new IllegalStateException("the page failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(ReadOnce.during(() -> ReadOnce.read("test.count", "ana", reads::incrementAndGet))).isEqualTo(5);
    }
}
