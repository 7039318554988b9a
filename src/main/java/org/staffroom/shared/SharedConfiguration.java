package org.staffroom.shared;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The instance's settings ({@code staffroom.*}) as one bean, and the beans every module shares. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstanceSettings.class)
class SharedConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
