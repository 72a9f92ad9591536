package org.iofs.fse.shared;

import java.lang.reflect.Constructor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps each row to a record by its columns' names, as {@code JdbcClient}'s {@code query(Class)} does
 * ({@code delivery_point} or {@code deliverypoint} to {@code deliveryPoint}), with the same reading and conversion
 * of each value, but finds the columns once per result set, from its metadata.
 * <p>
 * Why: Spring's mapper asks the result set for each constructor argument's column by its Java name first and, when
 * PostgreSQL's driver answers that no such column exists, by its underscored name; the driver answers with an
 * exception, its message formatted and its stack trace filled, for every such argument of every row. A signed-in
 * analyst's dashboard raised over a thousand of them a view, most of the JVM's time for that page.
 * <p>
 * Make one for each statement ({@link #of(Class)}): it keeps the columns it found for the result set it reads.
 */
public final class RecordRowMapper<T> implements RowMapper<T> {

	private static final ConcurrentMap<Class<?>, Shape<?>> SHAPES = new ConcurrentHashMap<>();

	private static final ConversionService CONVERSIONS = DefaultConversionService.getSharedInstance();

	/** The constructor a row is made with, its arguments' names and their types, found once per class. */
	private record Shape<T>(Constructor<T> constructor, String[] names, TypeDescriptor[] types) {

		static <T> Shape<T> of(Class<T> type) {
			Constructor<T> constructor = BeanUtils.getResolvableConstructor(type);
			String[] names = BeanUtils.getParameterNames(constructor);
			TypeDescriptor[] types = new TypeDescriptor[names.length];
			for (int i = 0; i < names.length; i++) {
				types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
			}
			return new Shape<>(constructor, names, types);
		}

	}

	private final Shape<T> shape;

	private ResultSet columnsOf;

	private int[] columns;

	private RecordRowMapper(Shape<T> shape) {
		this.shape = shape;
	}

	@SuppressWarnings("unchecked")
	public static <T> RecordRowMapper<T> of(Class<T> type) {
		return new RecordRowMapper<>((Shape<T>) SHAPES.computeIfAbsent(type, Shape::of));
	}

	@Override
	public T mapRow(ResultSet rs, int rowNum) throws SQLException {
		if (rs != columnsOf || columns == null) {
			columns = columns(rs.getMetaData());
			columnsOf = rs;
		}
		Object[] arguments = new Object[columns.length];
		for (int i = 0; i < arguments.length; i++) {
			TypeDescriptor type = shape.types()[i];
			Object value = JdbcUtils.getResultSetValue(rs, columns[i], type.getType());
			// Most values are read as the type asked for; the conversion service is for the others (and for nulls,
			// which it refuses for primitives, as Spring's mapper does).
			arguments[i] = value != null && type.getObjectType().isInstance(value) ? value
					: CONVERSIONS.convert(value, type);
		}
		return BeanUtils.instantiateClass(shape.constructor(), arguments);
	}

	/** Each argument's column: the first whose name, without underscores and in any case, is the argument's. */
	private int[] columns(ResultSetMetaData metaData) throws SQLException {
		Map<String, Integer> byName = new HashMap<>();
		for (int column = metaData.getColumnCount(); column >= 1; column--) {
			byName.put(key(JdbcUtils.lookupColumnName(metaData, column)), column);
		}
		int[] found = new int[shape.names().length];
		for (int i = 0; i < found.length; i++) {
			Integer column = byName.get(key(shape.names()[i]));
			if (column == null) {
				throw new SQLException("No column for " + shape.constructor().getDeclaringClass().getSimpleName()
						+ "." + shape.names()[i] + " (as " + JdbcUtils.convertPropertyNameToUnderscoreName(
								shape.names()[i]) + ") among the statement's columns " + byName.keySet());
			}
			found[i] = column;
		}
		return found;
	}

	private static String key(String name) {
		return name.replace("_", "").toLowerCase(Locale.ROOT);
	}

}
