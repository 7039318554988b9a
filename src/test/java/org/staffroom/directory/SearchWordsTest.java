package org.staffroom.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.staffroom.directory.DirectoryIndex.Doc;
import org.staffroom.directory.DirectoryIndex.Field;
import org.staffroom.groups.Sector;

/**
 * How a typed search is read, with the towns and job words shipped, checked against listings as the index
 * holds them: no database, no server.
 */
class SearchWordsTest {

    static final SearchWords WORDS = SearchWords.shipped();

    /** A listing with this area and these professions, named and described so that no test word is in them. */
    static Doc listing(String area, String professions) {
        return Doc.of(UUID.randomUUID(), "Team", Sector.OTHER, "Employer", professions, area, "");
    }

    static boolean finds(String q, Doc listing) {
        return listing.matches(WORDS.clauses(q, Field.ANY), null);
    }

    static boolean findsByArea(String area, Doc listing) {
        return listing.matches(WORDS.clauses(area, Field.AREA), null);
    }

    @Test
    void aFullPostcodeInAnyFormFindsItsDistrict() {
        Doc bs7 = listing("BS7", "");
        for (String q : List.of("BS7 8AB", "bs78ab", "BS7  8AB", "bs7 8ab", " Bs7\t8aB ", "BS7")) {
            assertThat(finds(q, bs7)).as(q).isTrue();
            assertThat(findsByArea(q, bs7)).as(q).isTrue();
        }
        assertThat(finds("BS8 1AB", bs7)).isFalse();
        assertThat(finds("SW1A 1AA", listing("SW1A", ""))).isTrue();
        assertThat(finds("EC1A 1BB", listing("ec1a", ""))).isTrue();
        assertThat(finds("M1 1AE", listing("Manchester M1", ""))).isTrue();
    }

    @Test
    void anAreaWrittenAsAFullPostcodeIsFoundByItsDistrict() {
        assertThat(finds("BS7", listing("BS7 8AB", ""))).isTrue();
        assertThat(finds("BS7 9ZZ", listing("bs78ab", ""))).isTrue();
        assertThat(finds("Bristol", listing("BS78AB", ""))).isTrue();
    }

    @Test
    void aDistrictIsAWholeWordAndAPostcodeAreaOnlyItsOwnDistricts() {
        assertThat(finds("E1", listing("E10", ""))).isFalse();
        assertThat(finds("E10", listing("E1", ""))).isFalse();
        assertThat(finds("E1 6AN", listing("E10", ""))).isFalse();
        assertThat(finds("B", listing("BS7", ""))).isFalse();
        assertThat(finds("B", listing("B12", ""))).isTrue();
        assertThat(finds("BS", listing("BS7", ""))).isTrue();
        assertThat(finds("bs", listing("BS16 1QY", ""))).isTrue();
        assertThat(findsByArea("BS", listing("B12", ""))).isFalse();
        assertThat(finds("BS", listing("Bristol", ""))).as("BS is a postcode area, not a prefix").isFalse();
    }

    @Test
    void aTownFindsDistrictsInItsPostcodeAreasAndAreasThatNameIt() {
        assertThat(finds("Bristol", listing("BS7", ""))).isTrue();
        assertThat(finds("bristol", listing("Bristol", ""))).as("as before").isTrue();
        assertThat(findsByArea("Bristol", listing("BS34", ""))).isTrue();
        assertThat(finds("Leeds", listing("BS7", ""))).isFalse();
        assertThat(finds("Leeds", listing("LS6", ""))).isTrue();
        assertThat(finds("Cardiff", listing("CF10", ""))).isTrue();
        assertThat(finds("London", listing("SE1", ""))).isTrue();
        assertThat(finds("London", listing("WC1N", ""))).isTrue();
        assertThat(finds("London", listing("BS7", ""))).isFalse();
        assertThat(finds("Newcastle upon Tyne", listing("NE1", ""))).isTrue();
        assertThat(finds("Stoke-on-Trent", listing("ST4", ""))).isTrue();
        assertThat(finds("Bristol carer", listing("BS7", "Care workers"))).isTrue();
        assertThat(finds("Leeds carer", listing("BS7", "Care workers"))).isFalse();
    }

    @Test
    void aJobWordFindsItsEverydayEquivalents() {
        assertThat(finds("carer", listing("", "Care workers"))).isTrue();
        assertThat(finds("carer", listing("", "Care assistants"))).isTrue();
        assertThat(finds("carers", listing("", "Support workers"))).isTrue();
        assertThat(finds("carer", listing("", "HCAs and porters"))).isTrue();
        assertThat(finds("care worker", listing("", "Carers"))).isTrue();
        assertThat(finds("nurse", listing("", "RGN and RMN staff"))).isTrue();
        assertThat(finds("nurse", listing("", "Nursing"))).isTrue();
        assertThat(finds("physio", listing("", "Physiotherapists"))).isTrue();
        assertThat(finds("physiotherapist", listing("", "Physios"))).isTrue();
        assertThat(finds("OT", listing("", "Occupational therapists"))).isTrue();
        assertThat(finds("occupational therapist", listing("", "OTs"))).isTrue();
        assertThat(finds("social worker", listing("", "Social work"))).isTrue();
        assertThat(finds("cleaner", listing("", "Domestics"))).isTrue();
        assertThat(finds("midwife", listing("", "Midwives"))).isTrue();
        assertThat(finds("GP", listing("", "Junior doctors"))).isTrue();
        assertThat(finds("SLT", listing("", "Speech and language therapists"))).isTrue();
        assertThat(finds("speech and language therapist", listing("", "SLTs"))).as("SLT is a whole word").isFalse();
        assertThat(finds("speech and language therapist", listing("", "SLT"))).isTrue();
        assertThat(listing("", "Nurses").matches(WORDS.clauses("carer", Field.PROFESSIONS), null)).isFalse();
        assertThat(listing("", "Care workers").matches(WORDS.clauses("carer", Field.PROFESSIONS), null)).isTrue();
    }

    @Test
    void shortSynonymsAreWholeWordsAndEveryWordMustStillMatch() {
        assertThat(finds("occupational therapist", listing("", "Other staff"))).as("OT is not 'other'").isFalse();
        assertThat(finds("doctor", listing("", "GPs"))).isTrue();
        assertThat(finds("nurse porter", listing("", "Nurses"))).isFalse();
        assertThat(finds("nurse porter", listing("", "Nurses and porters"))).isTrue();
        assertThat(finds("carer", listing("", "Pharmacists"))).isFalse();
    }

    @Test
    void theEmployerFilterIsTakenAsTyped() {
        Doc listing = listing("BS7", "Care workers");
        assertThat(listing.matches(WORDS.clauses("Bristol", Field.EMPLOYER), null)).isFalse();
        assertThat(listing.matches(WORDS.clauses("employ", Field.EMPLOYER), null)).isTrue();
    }

    @Test
    void aLongQueryIsCutToItsFirstWords() {
        assertThat(WORDS.clauses("a b c d e f g h i j k", Field.EMPLOYER)).hasSize(SearchWords.MAX_WORDS);
        assertThat(WORDS.clauses("speech and language therapist", Field.ANY)).hasSize(1);
        assertThat(WORDS.clauses("", Field.ANY)).isEmpty();
    }
}
