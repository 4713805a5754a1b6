package io.aftercare.directory.team;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;

/**
 * Who may change a team's rotations: admins, and the team's own leads. Used in {@code @PreAuthorize} as
 * {@code @teamAccess.canManage(authentication, #teamId)}.
 */
@Component("teamAccess")
public class TeamAccess {

    private final TeamRepository teams;

    TeamAccess(TeamRepository teams) {
        this.teams = teams;
    }

    public boolean canManage(Authentication authentication, UUID teamId) {
        if (authentication == null || !(authentication.getPrincipal() instanceof AftercareUser me)) {
            return false;
        }
        return canManage(me, teamId);
    }

    public boolean canManage(AftercareUser me, UUID teamId) {
        return me.has(Role.ADMIN) || (teamId != null && teams.isLead(teamId, me.personId()));
    }
}
