package org.inventarioti.ops.offsite;

import java.time.Instant;

/**
 * An archive in the bucket: a complete object (an upload not completed is not an object).
 *
 * @param time the snapshot time in its name, or the object's time when the name has none
 */
public record RemoteArchive(S3Address address, long size, Instant time, Instant lastModified) {

    public String name() {
        return address.name();
    }
}
