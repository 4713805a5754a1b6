package io.aftercare.directory.setup;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Home (My aftercare) links an admin to the getting-started checklist while any step is open: the page gets
 * {@code gettingStartedOpen}, the number of open steps. Nobody else sees it, and it says nothing about any person.
 */
class HomeChecklistLink implements HandlerInterceptor {

    private final GettingStarted checklist;

    HomeChecklistLink(GettingStarted checklist) {
        this.checklist = checklist;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")
            || auth == null || !(auth.getPrincipal() instanceof AftercareUser me) || !me.has(Role.ADMIN)) {
            return;
        }
        long open = checklist.steps().stream().filter(s -> !s.done()).count();
        if (open > 0) {
            view.addObject("gettingStartedOpen", open);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        private final GettingStarted checklist;

        Registration(GettingStarted checklist) {
            this.checklist = checklist;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new HomeChecklistLink(checklist)).addPathPatterns("/me");
        }
    }
}
