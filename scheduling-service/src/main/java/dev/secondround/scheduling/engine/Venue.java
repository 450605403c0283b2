package dev.secondround.scheduling.engine;

/** Where a scheduled session happens. */
public sealed interface Venue permits Venue.InRoom, Venue.VideoCall, Venue.NoVenue {

    record InRoom(String roomId, String roomName, int capacity) implements Venue {
    }

    /** A video call; the service attaches the link. */
    record VideoCall() implements Venue {
    }

    /** Nothing to book (a tour, a lunch out, a break). */
    record NoVenue() implements Venue {
    }
}
