package org.iofs.fse.shared.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what an upload may cost the server, enforced while the bytes stream, before anything fills the disk.
 *
 * @param maxSize the largest file accepted ({@code fse.uploads.max-size}, default 1GB; also the multipart limit)
 * @param maxUnpackedSize the most a zip may unpack to ({@code fse.uploads.max-unpacked-size}, default 8GB)
 * @param maxUnpackRatio the most a zip may unpack to, as a multiple of its own size
 *        ({@code fse.uploads.max-unpack-ratio}, default 200: FAOSTAT's bulk zips unpack about 10 times)
 * @param maxZipEntries the most entries a zip may hold ({@code fse.uploads.max-zip-entries}, default 1000)
 */
@ConfigurationProperties("fse.uploads")
public record UploadSettings(@DefaultValue("1GB") DataSize maxSize, @DefaultValue("8GB") DataSize maxUnpackedSize,
		@DefaultValue("200") int maxUnpackRatio, @DefaultValue("1000") int maxZipEntries) {

	/** The most a zip of this size may unpack to. */
	long maxUnpackedBytes(long zipSize) {
		long byRatio = zipSize > Long.MAX_VALUE / maxUnpackRatio ? Long.MAX_VALUE : zipSize * maxUnpackRatio;
		return Math.min(maxUnpackedSize.toBytes(), byRatio);
	}

}
