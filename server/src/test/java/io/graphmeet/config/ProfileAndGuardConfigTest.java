package io.graphmeet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile defaults and the built-in issuer's loopback guard, decided when the configuration loads. */
class ProfileAndGuardConfigTest {

    @Test
    void theDevelopmentProfileIsTheDefaultAndTurnsTheIssuerAndDemoOn() {
        GraphmeetConfig config = ConfigLoader.load(null, Map.of());
        assertThat(config.profile()).isEqualTo(GraphmeetConfig.Profile.DEVELOPMENT);
        assertThat(config.issuer().enabled()).isTrue();
        assertThat(config.directory().seedDemo()).isTrue();
        assertThat(config.admin().port()).isEqualTo(8081);
        assertThat(config.admin().key()).isNull();
        assertThat(config.tls().enabled()).isFalse();
    }

    @Test
    void theProductionProfileTurnsTheIssuerAndDemoOffUnlessToldOtherwise() {
        GraphmeetConfig config = ConfigLoader.load(null, Map.of("GRAPHMEET_PROFILE", "production"));
        assertThat(config.issuer().enabled()).isFalse();
        assertThat(config.directory().seedDemo()).isFalse();

        GraphmeetConfig overridden =
                ConfigLoader.load(null, Map.of("GRAPHMEET_PROFILE", "production", "GRAPHMEET_ISSUER_ENABLED", "true"));
        assertThat(overridden.issuer().enabled()).isTrue();
    }

    @Test
    void theIssuerRefusesANonLoopbackHostNamingTheSetting() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_SERVER_HOST", "0.0.0.0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("issuer.allowNonLoopback")
                .hasMessageContaining("GRAPHMEET_ISSUER_ALLOW_NON_LOOPBACK")
                .hasMessageContaining("0.0.0.0");
    }

    @Test
    void aNonLoopbackHostIsFineWhenAllowedOrWithoutTheIssuer() {
        assertThat(ConfigLoader.load(
                                null,
                                Map.of(
                                        "GRAPHMEET_SERVER_HOST",
                                        "0.0.0.0",
                                        "GRAPHMEET_ISSUER_ALLOW_NON_LOOPBACK",
                                        "true"))
                        .server()
                        .host())
                .isEqualTo("0.0.0.0");
        assertThat(ConfigLoader.load(
                                null, Map.of("GRAPHMEET_SERVER_HOST", "0.0.0.0", "GRAPHMEET_ISSUER_ENABLED", "false"))
                        .issuer()
                        .enabled())
                .isFalse();
        assertThat(ConfigLoader.load(
                                null, Map.of("GRAPHMEET_SERVER_HOST", "0.0.0.0", "GRAPHMEET_PROFILE", "production"))
                        .issuer()
                        .enabled())
                .isFalse();
    }

    @Test
    void loopbackNamesAndAddressesPassTheGuard() {
        for (String host : new String[] {"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
            assertThat(ConfigLoader.load(null, Map.of("GRAPHMEET_SERVER_HOST", host))
                            .issuer()
                            .enabled())
                    .isTrue();
        }
    }

    @Test
    void refusesBadValuesOfTheNewSettings() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_PROFILE", "staging")))
                .hasMessageContaining("profile");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_ISSUER_TOKEN_LIFETIME", "PT2S")))
                .hasMessageContaining("issuer.tokenLifetime");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_ADMIN_PORT", "70000")))
                .hasMessageContaining("admin.port");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("GRAPHMEET_TLS_KEYSTORE", "/nonexistent.p12")))
                .hasMessageContaining("tls.keystore");
    }

    @Test
    void describeMasksTheAdminKey() {
        String described = ConfigReport.describe(ConfigLoader.load(null, Map.of("GRAPHMEET_ADMIN_KEY", "s3cret")));
        assertThat(described).contains("admin.key=****").doesNotContain("s3cret");
    }
}
