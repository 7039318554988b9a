package org.staffroom.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Secret links that other features give a member, such as a calendar feed: whoever holds one reads what it
 * shows without signing in. The account page lists them beside the access keys, each with a way to stop it,
 * and, like the keys, each ends when the member signs out everywhere or changes or resets their password
 * ({@link AccountEvents.SessionsRevoked}).
 */
public interface PersonalLinks {

    /** One link: what it is (a message key), the day it was made, and the form that stops it. */
    record Link(String messageKey, LocalDate madeOn, String stopPath) {
    }

    List<Link> of(UUID accountId);
}
