package org.iofs.fse.identity.internal;

import java.security.SecureRandom;

/** Password rules, and passwords the platform generates for new and reset accounts. */
final class Passwords {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	// No look-alike characters (0/O, 1/l/I): generated passwords are read off a screen and typed.
	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Passwords() {
	}

	static String generate() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
