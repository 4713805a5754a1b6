package io.aftercare.web.ui;

import java.util.Collection;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/** What the shared layout needs on every page: where we are, for the navigation's "current page", and who is looking. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAdvice {

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return Viewer.of(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * The signed-in person as the layout shows them: their sign-in name and which sections their roles open. Worked
     * out once a page from the authentication's authorities; the templates' {@code sec:authorize} did the same work
     * for every link, each time looking up the expression handler among all beans and parsing its expression anew,
     * which made the navigation the most expensive part of a page under load.
     */
    record Viewer(boolean signedIn, String name, boolean admin, boolean coordinator) {

        static final Viewer NOBODY = new Viewer(false, "", false, false);

        static Viewer of(Authentication authentication) {
            if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
                return NOBODY;
            }
            Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
            return new Viewer(true, authentication.getName(), has(authorities, "ROLE_ADMIN"),
                has(authorities, "ROLE_COORDINATOR"));
        }

        private static boolean has(Collection<? extends GrantedAuthority> authorities, String authority) {
            for (GrantedAuthority a : authorities) {
                if (authority.equals(a.getAuthority())) {
                    return true;
                }
            }
            return false;
        }

        /** The programme section: coordinators and admins. */
        public boolean coordinatorOrAdmin() {
            return coordinator || admin;
        }
    }
}
