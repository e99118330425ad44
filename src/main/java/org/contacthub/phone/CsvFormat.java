package org.contacthub.phone;

import java.nio.charset.Charset;

/** How a layout's files are written: their encoding, delimiter, quote character and the line holding the header. */
record CsvFormat(Charset encoding, char delimiter, char quote, int headerLine) {}
