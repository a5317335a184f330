package kz.gov.dozor.ejb.evidence;

import java.nio.file.Path;

/** A file the caller may read, with the type it must be served as. */
public record EvidenceFile(
    String fileName, String mediaType, long sizeBytes, String sha256, Path path) {}
