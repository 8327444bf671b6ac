package cn.chainscout.web;

/** An answer that would be wrong while the service is still starting (e.g. a search before the index is built): 503. */
public class StillStartingException extends RuntimeException {

	public StillStartingException(String message) {
		super(message);
	}
}
