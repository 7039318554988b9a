package org.staffroom.concerns.web;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.staffroom.shared.web.WrongGuesses;

/**
 * Receipts are guessed only with 80 secret bits, but a client that keeps sending wrong ones is stopped all
 * the same: 20 wrong receipts in 15 minutes, then 429.
 */
@Component
class ReceiptThrottle {

    private final WrongGuesses wrongReceipts = new WrongGuesses(20, Duration.ofMinutes(15), "receipt");

    <T> T guard(HttpServletRequest request, Supplier<T> action) {
        return wrongReceipts.guard(request, action);
    }
}
