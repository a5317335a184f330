package kz.gov.dozor.ejb.evidence;

/** What the content of an accepted file turned out to be. Width and height only for images. */
public record InspectedFile(String mediaType, Integer width, Integer height) {}
