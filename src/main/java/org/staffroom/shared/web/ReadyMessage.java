package org.staffroom.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.staffroom.shared.InstanceSettings;

/** Tells whoever started the server where to find it. */
@Component
class ReadyMessage {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyMessage.class);

    private final InstanceSettings settings;

    ReadyMessage(InstanceSettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        LOG.info("Staffroom is ready at {}", settings.link("/"));
    }
}
