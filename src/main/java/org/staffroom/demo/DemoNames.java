package org.staffroom.demo;

/** Made-up display names for the demo members. */
final class DemoNames {

    private static final String[] NAMES = {"Amina", "Ben", "Chidi", "Dorota", "Eilidh", "Femi", "Grace", "Hassan",
            "Ioana", "Jas", "Kofi", "Lena", "Marek", "Nia", "Oisin", "Paula", "Quentin", "Rosa", "Sam", "Tunde", "Uma",
            "Vera"};

    private DemoNames() {
    }

    static String name(int memberNumber) {
        return NAMES[(memberNumber - 1) % NAMES.length] + " (member " + memberNumber + ")";
    }
}
