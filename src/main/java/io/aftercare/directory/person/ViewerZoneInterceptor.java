package io.aftercare.directory.person;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.aftercare.identity.AftercareUser;
import io.aftercare.web.TimeFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Puts the signed-in person's time zone where {@link TimeFormat} looks, so pages show times in the viewer's zone. */
class ViewerZoneInterceptor implements HandlerInterceptor {

    private final PersonRepository people;

    ViewerZoneInterceptor(PersonRepository people) {
        this.people = people;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AftercareUser me) {
            people.zoneOf(me.personId()).ifPresent(zone -> request.setAttribute(TimeFormat.ZONE_ATTRIBUTE, zone));
        }
        return true;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        private final PersonRepository people;

        Registration(PersonRepository people) {
            this.people = people;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new ViewerZoneInterceptor(people))
                .excludePathPatterns("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/api/**",
                    "/actuator/**");
        }
    }
}
