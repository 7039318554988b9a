package org.staffroom.concerns;

/** What a concern is about; the message bundle names each as {@code category.NAME}. */
public enum Category {
    PATIENT_SAFETY, STAFFING_AND_WORKLOAD, BULLYING_AND_HARASSMENT, DISCRIMINATION, PAY_HOURS_AND_CONTRACTS,
    SUPERVISION_AND_TRAINING, HEALTH_AND_SAFETY, RESTRUCTURING, OTHER
}
