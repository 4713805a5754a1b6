package io.aftercare.identity.sso;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.aftercare.identity.Accounts;
import io.aftercare.identity.Role;

/**
 * Which roles a person has after signing in through the provider: every role {@code aftercare.sso.roles} maps is
 * set exactly as their groups say today (a group taken away takes the role away); every other role stays as it was
 * in Aftercare. The break-glass admin never loses ADMIN this way.
 */
final class SsoRoles {

    private SsoRoles() {
    }

    /**
     * @param current    the roles the person has now (RESPONDER alone for someone new)
     * @param groups     the provider's groups for them
     * @param breakGlass whether they are the break-glass admin
     */
    static Set<Role> apply(Set<Role> current, Collection<String> groups, Map<Role, List<String>> mapping,
                           boolean breakGlass) {
        EnumSet<Role> result = current.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(current);
        mapping.forEach((role, granting) -> {
            if (granting.stream().anyMatch(groups::contains)) {
                result.add(role);
            } else if (!(role == Role.ADMIN && breakGlass)) {
                result.remove(role);
            }
        });
        return Accounts.withResponder(result);
    }

    /** The groups that granted each mapped role the person now has, for the audit log (group names, no claims). */
    static String why(Set<Role> roles, Collection<String> groups, Map<Role, List<String>> mapping) {
        return mapping.entrySet().stream()
            .filter(e -> roles.contains(e.getKey()))
            .map(e -> e.getKey() + " from " + e.getValue().stream().filter(groups::contains)
                .collect(Collectors.joining(", ")))
            .filter(s -> !s.endsWith("from "))
            .collect(Collectors.joining("; "));
    }

    /** The claim's value as a set of group names: a list, or one name. */
    static Set<String> groups(Object claim) {
        Set<String> result = new LinkedHashSet<>();
        if (claim instanceof Collection<?> values) {
            values.stream().filter(v -> v != null).map(v -> String.valueOf(v).trim()).forEach(result::add);
        } else if (claim instanceof String value && !value.isBlank()) {
            result.add(value.trim());
        }
        return result;
    }
}
