package dev.secondround.scheduling.engine;

/**
 * Where a session happens. For {@link #IN_PERSON} the engine books a free room whose capacity holds
 * every participant plus the candidate (the smallest such room, then by id); {@link #VIDEO} needs a
 * video link and no room; {@link #NONE} needs neither (a walking tour, lunch in a restaurant, a break).
 */
public enum RoomNeed {
    NONE, IN_PERSON, VIDEO
}
