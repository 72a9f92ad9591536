package org.iofs.fse.shared.imports;

/** A row the importer could not read: where (file line, column) and why. */
public record RowProblem(long line, String field, String reason) implements java.io.Serializable {
}
