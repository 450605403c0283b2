package dev.secondround.scheduling.loop;

import dev.secondround.scheduling.planning.LoopPlanApi;
import dev.secondround.scheduling.planning.LoopPlanApi.LoopPlanRequest;

/** The chosen option can no longer be booked (someone else took a person or room, or time off came up). */
public class BookingConflictException extends RuntimeException {

    private final transient LoopPlanRequest plan;
    private final transient LoopPlanApi.ApplicationView application;

    public BookingConflictException(String detail, LoopPlanRequest plan, LoopPlanApi.ApplicationView application) {
        super(detail, null, false, false);
        this.plan = plan;
        this.application = application;
    }

    public LoopPlanApi.ApplicationView application() {
        return application;
    }

    public LoopPlanRequest plan() {
        return plan;
    }
}
