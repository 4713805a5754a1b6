package io.aftercare.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Signing in only ever leads to a path on this same site, never to another host. */
class SavedPageTest {

    @Test
    void aSavedPageOnThisSiteIsFollowedWithoutSpringSecuritysMarker() {
        assertThat(SavedPage.localPath("http://127.0.0.1:8080/check-ins/42?continue", "")).contains("/check-ins/42");
        assertThat(SavedPage.localPath("https://a.example/inbox?page=2&continue", "")).contains("/inbox?page=2");
        assertThat(SavedPage.localPath("https://a.example/app/me?continue", "/app")).contains("/me");
    }

    @Test
    void anythingThatCouldLeaveTheSiteIsNotFollowed() {
        assertThat(SavedPage.localPath("https://a.example//evil.example/x?continue", "")).isEmpty();
        assertThat(SavedPage.localPath("https://a.example/\\evil.example", "")).isEmpty();
        assertThat(SavedPage.localPath("javascript:alert(1)", "")).isEmpty();
        assertThat(SavedPage.localPath("https://a.example/other/me", "/app")).isEmpty();
        assertThat(SavedPage.localPath(null, "")).isEmpty();
    }
}
