package io.aftercare.polls;

import java.util.UUID;

/**
 * A person is asked to answer a round of a poll (when it opens), or reminded once before it closes because they have
 * not answered yet. For delivery to that person alone; it carries nothing anyone answered.
 *
 * @param reminder whether this is the one reminder before the close
 */
public record PollInvitation(UUID pollId, UUID roundId, UUID personId, boolean reminder) {
}
