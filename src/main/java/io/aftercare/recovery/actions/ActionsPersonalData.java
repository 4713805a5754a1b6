package io.aftercare.recovery.actions;

import java.util.List;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.shared.DbTime;
import io.aftercare.shared.PersonalData;

/** The person's "What I'd fix" actions, decrypted for their export; erasure deletes them all. */
@Component
@Order(154)
class ActionsPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final WhatIdFix actions;

    ActionsPersonalData(JdbcClient jdbc, WhatIdFix actions) {
        this.jdbc = jdbc;
        this.actions = actions;
    }

    @Override
    public String section() {
        return "recoveryActions";
    }

    @Override
    public Object export(UUID personId) {
        List<WhatIdFix.Action> all = jdbc.sql("""
                SELECT id, case_id, title_ciphertext, url_ciphertext, done_at, created_at FROM recovery_action
                WHERE person_id = ? ORDER BY case_id, created_at, id""")
            .param(personId)
            .query((rs, n) -> actions.decrypt(personId, rs.getObject("id", UUID.class),
                rs.getObject("case_id", UUID.class), rs.getBytes("title_ciphertext"), rs.getBytes("url_ciphertext"),
                DbTime.instant(rs, "done_at"), DbTime.instant(rs, "created_at")))
            .list();
        return all;
    }

    @Override
    public void erase(UUID personId) {
        jdbc.sql("DELETE FROM recovery_action WHERE person_id = ?").param(personId).update();
    }
}
