package org.contacthub.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.contacthub.load.UnreadableInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneLayoutCatalogueTests {

    private static final Path SHIPPED = Path.of("config/layouts");

    private final PhoneLayoutCatalogue catalogue = new PhoneLayoutCatalogue(SHIPPED);

    @Test
    void loadsEveryShippedLayout() {
        assertThat(catalogue.layouts())
                .extracting(PhoneLayout::id)
                .containsExactly("canonical", "contact-centre", "legacy-logger");
    }

    @Test
    void picksTheLayoutByFileName() {
        assertThat(catalogue.layoutFor("canonical-2025-11-30.csv").id()).isEqualTo("canonical");
        assertThat(catalogue.layoutFor("contact-centre-2025-11-30.csv").id()).isEqualTo("contact-centre");
        assertThat(catalogue.layoutFor("north/legacy-logger-2025-11-30.csv").id())
                .isEqualTo("legacy-logger");
    }

    @Test
    void refusesAFileNoLayoutClaims() {
        assertThatThrownBy(() -> catalogue.layoutFor("calls-2025-11-30.txt"))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("No phone layout matches file calls-2025-11-30.txt")
                .hasMessageContaining("canonical-*.csv (canonical)");
    }

    @Test
    void prefersALayoutTiedToTheFilesFolder(@TempDir Path folder) throws IOException {
        Files.copy(SHIPPED.resolve("canonical.yaml"), folder.resolve("canonical.yaml"));
        String archive = Files.readString(SHIPPED.resolve("canonical.yaml"))
                .replace("id: canonical", "id: archive-canonical")
                .replace("  name: \"canonical-*.csv\"", "  name: \"canonical-*.csv\"\n  folder: archive");
        Files.writeString(folder.resolve("archive-canonical.yaml"), archive);

        PhoneLayoutCatalogue withFolders = new PhoneLayoutCatalogue(folder);

        assertThat(withFolders.layoutFor("archive/canonical-1.csv").id()).isEqualTo("archive-canonical");
        assertThat(withFolders.layoutFor("canonical-1.csv").id()).isEqualTo("canonical");
        assertThat(withFolders.layoutFor("elsewhere/canonical-1.csv").id()).isEqualTo("canonical");
    }

    @Test
    void loadsTheReadmeExampleLayout(@TempDir Path folder) throws IOException {
        String readme = Files.readString(SHIPPED.resolve("README.md"));
        String example =
                readme.substring(readme.indexOf("```yaml\n") + 8, readme.indexOf("```\n", readme.indexOf("```yaml")));
        Files.writeString(folder.resolve("cloud-pbx.yaml"), example);

        PhoneLayoutCatalogue fromReadme = new PhoneLayoutCatalogue(folder);

        assertThat(fromReadme.layoutFor("cloud-pbx/CDR_2025-11-30.tsv").id()).isEqualTo("cloud-pbx");
        assertThatThrownBy(() -> fromReadme.layoutFor("CDR_2025-11-30.tsv"))
                .isInstanceOf(UnreadableInputException.class);
    }

    @Test
    void refusesToStartWithABrokenLayout(@TempDir Path folder) throws IOException {
        Files.copy(SHIPPED.resolve("canonical.yaml"), folder.resolve("canonical.yaml"));
        Files.writeString(folder.resolve("broken.yaml"), "id: broken\n");

        assertThatThrownBy(() -> new PhoneLayoutCatalogue(folder))
                .isInstanceOf(InvalidLayoutException.class)
                .hasMessageContaining("broken.yaml")
                .hasMessageContaining("description is required");
    }
}
