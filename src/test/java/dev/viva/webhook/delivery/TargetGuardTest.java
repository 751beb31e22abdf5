package dev.viva.webhook.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetGuardTest {

    private final TargetGuard strict = new TargetGuard(false, List.of());

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://127.8.9.10/", "https://10.0.0.1/", "https://172.16.5.4/",
            "https://172.31.255.255/", "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data/",
            "https://100.64.0.1/", "https://100.127.255.254/", "https://0.0.0.0/", "https://224.0.0.1/",
            "https://239.255.255.250/", "https://255.255.255.255/", "https://[::1]/", "https://[::]/",
            "https://[fe80::1]/", "https://[fc00::1]/", "https://[fd12:3456::1]/", "https://[ff02::1]/",
            "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/", "https://[::ffff:a9fe:a9fe]/",
            "https://[64:ff9b::a9fe:a9fe]/", "https://[2002:c0a8:0101::1]/", "https://localhost/"})
    void nonPublicAddressesAreRefused(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(TargetGuard.Refused.class)
                .hasMessageContaining("viva.webhook.allowed-targets");
    }

    @Test
    void publicAddressesPass() throws Exception {
        TargetGuard.Target t = strict.check("https://93.184.216.34:8443/hooks?a=1");
        assertThat(t.port()).isEqualTo(8443);
        assertThat(t.tls()).isTrue();
        assertThat(t.addresses()).extracting(a -> a.getHostAddress()).containsExactly("93.184.216.34");
        assertThat(strict.check("https://[2606:4700::1111]/").addresses()).hasSize(1);
        // just outside the private blocks
        strict.check("https://172.32.0.1/");
        strict.check("https://100.128.0.1/");
        strict.check("https://11.0.0.1/");
    }

    @Test
    void httpNeedsToBeAllowedAndOtherSchemesNeverAre() throws Exception {
        assertThatThrownBy(() -> strict.check("http://93.184.216.34/")).hasMessageContaining("plain http");
        assertThatThrownBy(() -> strict.check("ftp://93.184.216.34/")).hasMessageContaining("https://");
        assertThatThrownBy(() -> strict.check("file:///etc/passwd")).hasMessageContaining("https://");
        assertThatThrownBy(() -> strict.check("/relative")).hasMessageContaining("https://");
        assertThat(new TargetGuard(true, List.of()).check("http://93.184.216.34/").tls()).isFalse();
    }

    @Test
    void malformedAndCredentialBearingUrlsAreRefused() {
        assertThatThrownBy(() -> strict.check("https://user:pw@93.184.216.34/")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> strict.check("https://exa mple.com/")).hasMessageContaining("not a valid URL");
        assertThatThrownBy(() -> strict.check("")).hasMessageContaining("required");
        assertThatThrownBy(() -> strict.check("https://no-such-host.invalid/")).hasMessageContaining("does not resolve");
        assertThatThrownBy(() -> strict.check("https://93.184.216.34/" + "a".repeat(2100))).hasMessageContaining("longer");
    }

    @Test
    void allowListOpensExactlyTheListedRangesAndHosts() throws Exception {
        TargetGuard guard = new TargetGuard(false, List.of("10.1.0.0/16", "127.0.0.1", "::1/128", "LOCALHOST"));
        guard.check("https://10.1.200.3/");
        guard.check("https://127.0.0.1/");
        guard.check("https://[::1]/");
        guard.check("https://[::ffff:127.0.0.1]/");
        guard.check("https://localhost:9000/");
        assertThatThrownBy(() -> guard.check("https://10.2.0.1/")).isInstanceOf(TargetGuard.Refused.class);
        assertThatThrownBy(() -> guard.check("https://127.0.0.2/")).isInstanceOf(TargetGuard.Refused.class);
        assertThatThrownBy(() -> guard.check("https://[::ffff:10.2.0.1]/")).isInstanceOf(TargetGuard.Refused.class);
    }

    @Test
    void hostSuffixesAllowSubdomainsOnly() throws Exception {
        TargetGuard guard = new TargetGuard(false, List.of(".localhost"));
        assertThatThrownBy(() -> guard.check("https://localhost/")).isInstanceOf(TargetGuard.Refused.class);
    }

    @Test
    void badAllowListEntriesFailFast() {
        assertThatThrownBy(() -> new TargetGuard(false, List.of("10.0.0.0/40")))
                .hasMessageContaining("prefix length");
    }
}
