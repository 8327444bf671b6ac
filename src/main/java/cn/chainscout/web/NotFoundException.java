package cn.chainscout.web;

/** Something asked for by id does not exist; the message says what, in Chinese. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}
}
