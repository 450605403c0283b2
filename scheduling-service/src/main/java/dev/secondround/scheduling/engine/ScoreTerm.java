package dev.secondround.scheduling.engine;

/**
 * One part of an option's score.
 *
 * @param name   stable key: {@code idle}, {@code long-stretch}, {@code later-day}, {@code pool-load},
 *               {@code edge-of-hours}
 * @param points penalty points (0 = nothing to regret)
 * @param detail what caused them, for people
 */
public record ScoreTerm(String name, int points, String detail) {
}
