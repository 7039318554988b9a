package org.staffroom.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Instance-wide settings; the README's configuration table lists the environment variables behind them.
 *
 * @param baseUrl where members reach this instance, used in links that e-mails carry
 * @param quickExitUrl the neutral site the quick-exit control leaves for
 * @param dataDir where the embedded database keeps its files
 * @param maxBodyBytes the largest request body accepted
 */
@ConfigurationProperties("staffroom")
public record InstanceSettings(String baseUrl, String quickExitUrl, String dataDir, long maxBodyBytes) {

    public String link(String path) {
        return baseUrl.replaceAll("/+$", "") + path;
    }
}
