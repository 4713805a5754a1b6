package io.aftercare.insights.teams;

import java.util.UUID;

import io.aftercare.directory.Directory;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.shared.DomainException;

/** Who may read a team's insight: its leads, coordinators and admins. Everyone else is told there is no such page. */
final class InsightAccess {

    private InsightAccess() {
    }

    static boolean coordinates(AftercareUser me) {
        return me.has(Role.COORDINATOR) || me.has(Role.ADMIN);
    }

    /**
     * The team, when the caller may read its insight. A member, a lead of another team or anyone else gets "not
     * found", the same as for a team that does not exist: the answer does not say which teams there are.
     */
    static TeamRef team(Directory directory, AftercareUser me, UUID teamId) {
        TeamRef team = directory.team(teamId).orElseThrow(() -> DomainException.notFound("Team"));
        if (!coordinates(me) && !team.leads().contains(me.personId())) {
            throw DomainException.notFound("Team");
        }
        return team;
    }
}
