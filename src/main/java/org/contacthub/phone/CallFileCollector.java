package org.contacthub.phone;

import java.io.InputStream;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.contacthub.load.ContactLoader;
import org.contacthub.load.RunResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The phone route's bean: loads one call-record file from the drop as one collection run. */
@Component("callFileCollector")
public class CallFileCollector {

    static final String SOURCE = "phone";

    private final ContactLoader loader;
    private final Path layoutsFolder;
    private final CallRecordParser parser = new CallRecordParser();

    public CallFileCollector(ContactLoader loader, @Value("${contacthub.phone.layouts-folder}") Path layoutsFolder) {
        this.loader = loader;
        this.layoutsFolder = layoutsFolder;
    }

    /**
     * Loads a file. The layouts are read afresh for each file so that an edited layout applies
     * without a restart; a broken layout fails the run and leaves the file in the drop.
     *
     * @param relativePath the file's path within the drop folder, which picks its layout
     */
    public RunResult collect(InputStream body, @Header(Exchange.FILE_NAME) String relativePath) {
        return loader.load(SOURCE, relativePath, sink -> {
            PhoneLayout layout = new PhoneLayoutCatalogue(layoutsFolder).layoutFor(relativePath);
            parser.parse(body, relativePath, layout, sink);
        });
    }
}
