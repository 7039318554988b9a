package org.staffroom.concerns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.staffroom.shared.SecretTokens;

class ReceiptTest {

    @Test
    void aFormKeyStandsForOneWellFormedReceiptAndDifferentKeysForDifferentOnes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String key = SecretTokens.newToken(32);
            Receipt receipt = Receipt.derivedFrom(key);
            assertThat(Receipt.derivedFrom(key)).isEqualTo(receipt);
            assertThat(Receipt.parse(receipt.display())).as("it reads back as typed").isEqualTo(receipt);
            assertThat(seen.add(receipt.display())).isTrue();
        }
        // every character of the alphabet turns up in every position over 2,000 keys: all 120 bits are used
        for (int position = 0; position < Receipt.LENGTH; position++) {
            int p = position;
            assertThat(seen.stream().map(code -> code.replace("-", "").charAt(p)).distinct().count())
                    .as("position " + position).isEqualTo(32);
        }
    }
}
