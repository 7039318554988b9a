package org.staffroom.surveys.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.staffroom.shared.web.WrongGuesses;

/**
 * A one-time code has 60 secret bits and is not guessed by trying, but a client that keeps sending wrong
 * codes is stopped all the same: 20 in 15 minutes, then 429.
 */
@Component
class CodeThrottle {

    private final WrongGuesses wrongCodes = new WrongGuesses(20, Duration.ofMinutes(15), "code");

    void guard(HttpServletRequest request, Runnable action) {
        wrongCodes.guard(request, () -> {
            action.run();
            return null;
        });
    }
}
