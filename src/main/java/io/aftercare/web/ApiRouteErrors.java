package io.aftercare.web;

import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.UrlPathHelper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An {@code /api} request that no route answers gets a problem detail like every other API error: 404 for a path
 * with no route, 405 with {@code Allow} for a method its route does not take. Spring MVC decides both before a
 * controller is chosen, so {@link ApiExceptionHandler}, which advises the API's controllers only, never sees them.
 * Any other path is passed on as it is (rethrown, so Spring MVC carries on as if this advice had not matched), to
 * the browser's error pages.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRouteErrors {

    private static final UrlPathHelper PATHS = UrlPathHelper.defaultInstance;

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ProblemDetail> noRoute(Exception ex, HttpServletRequest request) throws Exception {
        String path = apiPath(request, ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
            "No API route answers " + request.getMethod() + " " + path
                + ". The OpenAPI description at /v3/api-docs lists them all.");
        problem.setTitle("No such route");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException ex, HttpServletRequest request)
        throws Exception {
        String path = apiPath(request, ex);
        String allowed = ex.getSupportedHttpMethods() == null ? ""
            : ex.getSupportedHttpMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
            path + " does not take " + ex.getMethod() + (allowed.isEmpty() ? "." : "; it takes " + allowed + "."));
        problem.setTitle("Method not allowed");
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(ex.getHeaders())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The request's path if it is under /api; otherwise {@code ex} goes back to Spring MVC's own handling. */
    private static String apiPath(HttpServletRequest request, Exception ex) throws Exception {
        String path = PATHS.getPathWithinApplication(request);
        if (!path.startsWith("/api/")) {
            throw ex;
        }
        return path;
    }
}
