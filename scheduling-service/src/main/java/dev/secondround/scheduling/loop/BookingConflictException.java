package dev.secondround.scheduling.loop;

import dev.secondround.scheduling.planning.LoopPlanApi.LoopPlanRequest;

/** The chosen option can no longer be booked (someone else took a person or room, or time off came up). */
public class BookingConflictException extends RuntimeException {

    private final transient LoopPlanRequest plan;

    public BookingConflictException(String detail, LoopPlanRequest plan) {
        super(detail, null, false, false);
        this.plan = plan;
    }

    public LoopPlanRequest plan() {
        return plan;
    }
}
