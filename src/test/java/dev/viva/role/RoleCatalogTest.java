package dev.viva.role;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up loading: a bad template stops the server with a message naming the file and field. */
class RoleCatalogTest {

    private static RolesConfig config(List<String> builtin, String directory) {
        return new RolesConfig() {
            @Override
            public List<String> builtin() {
                return builtin;
            }

            @Override
            public Optional<String> directory() {
                return Optional.ofNullable(directory);
            }

            @Override
            public Drafting drafting() {
                throw new UnsupportedOperationException("the catalog does not draft");
            }
        };
    }

    @Test
    void loadsTemplatesFromADirectory() {
        RoleCatalog catalog = new RoleCatalog(config(List.of(), "src/test/resources/role-fixtures"));
        assertThat(catalog.find("tiny-role")).isPresent();
        assertThat(catalog.find("nope")).isEmpty();
    }

    @Test
    void aBrokenTemplateFailsStartupNamingFileAndField() {
        assertThatThrownBy(() -> new RoleCatalog(config(List.of(), "src/test/resources/role-fixtures-broken")))
                .isInstanceOf(InvalidRoleTemplateException.class)
                .hasMessageContaining("role-fixtures-broken/tiny-role.yaml")
                .hasMessageContaining("description: is required");
    }

    @Test
    void aMissingBuiltinTemplateFailsStartup() {
        assertThatThrownBy(() -> new RoleCatalog(config(List.of("ghost-role"), null)))
                .hasMessageContaining("roles/ghost-role.yaml")
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> new RoleCatalog(config(List.of(), "does/not/exist")))
                .hasMessageContaining("viva.roles.directory: is not a directory");
    }
}
