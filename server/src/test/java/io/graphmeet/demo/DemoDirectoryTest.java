package io.graphmeet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.directory.Credentials;
import org.junit.jupiter.api.Test;

class DemoDirectoryTest {

    @Test
    void theStoredHashIsTheDemoPasswordsHash() {
        assertThat(Credentials.matches(DemoDirectory.USER_PASSWORD, DemoDirectory.USER_PASSWORD_HASH))
                .isTrue();
        assertThat(Credentials.matches("not-the-password", DemoDirectory.USER_PASSWORD_HASH))
                .isFalse();
    }
}
