package org.staffroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;

/**
 * A new account's signing secret is made by its first unlock. Two first unlocks at the same moment (two first
 * sign-ins, on a phone and a computer) make one secret, so the member's anonymous tags are the same in both: a
 * second secret would let them vote twice in a secret ballot, or lose their own anonymous concern.
 */
@IntegrationTest
class FirstUnlockTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AnonymousTags tags;

    @Test
    void twoFirstUnlocksAtOnceMakeOneSecret() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Person person = fixtures.person("newcomer");
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<String> tag = () -> {
                    together.await();
                    return tags.actingAs(person.id(), Fixtures.PASSWORD, () -> tags.tag(person.id(), "scope"));
                };
                List<Future<String>> both = List.of(pool.submit(tag), pool.submit(tag));
                assertThat(both.get(1).get()).as("round " + round).isEqualTo(both.get(0).get());
                assertThat(tags.actingAs(person.id(), Fixtures.PASSWORD, () -> tags.tag(person.id(), "scope")))
                        .as("and the secret kept is the one both used").isEqualTo(both.get(0).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
